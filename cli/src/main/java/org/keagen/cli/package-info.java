/**
 * The {@code keagen} command line (picocli): parses options, runs the pipeline, prints every
 * diagnostic to stderr one line each, and writes the config atomically and only when it changes.
 * Exit codes: 0 success, 1 errors in the data or in file access (nothing written), 64 usage errors.
 */
package org.keagen.cli;
