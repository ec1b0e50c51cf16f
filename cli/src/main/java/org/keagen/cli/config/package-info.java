/**
 * The config file ({@code keagen.yaml} or JSON, given by {@code --config} or {@code KEAGEN_CONFIG}):
 * one file per site or server holding the source, its tags and fields, the filters, the Kea version
 * and the output. Strict: an unknown key or a wrong type is a usage error naming the key and the
 * file. Paths in it are relative to the file's own directory.
 */
package org.keagen.cli.config;
