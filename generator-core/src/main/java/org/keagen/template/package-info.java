/**
 * Sandboxed Pebble templates. Templates come from the source of truth (config contexts) and are
 * untrusted: they see only the string variables they are given, cannot reach files, other
 * templates or Java methods, cannot loop without bound, and every failure is a value, not an
 * exception.
 */
package org.keagen.template;
