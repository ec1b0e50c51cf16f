/**
 * The {@code keagen} command line (picocli): reads the config file and the options, opens the
 * source through {@link org.keagen.cli.source.SourceFactory}, runs the pipeline, prints every finding
 * to stderr (one line each, or one JSON object each), and writes the config atomically, only when it
 * changes and only when the removal guard allows. Exit codes: 0 success, 1 errors in the data or in
 * file access (nothing written), 2 changed with {@code --detailed-exitcode}, 64 usage errors.
 */
package org.keagen.cli;
