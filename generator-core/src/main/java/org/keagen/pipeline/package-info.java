/**
 * The whole pass from snapshot to Kea config text: resolve, render, validate. {@link
 * org.keagen.pipeline.Generator} is the library entry point the CLI and tests call.
 */
package org.keagen.pipeline;
