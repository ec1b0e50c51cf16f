package org.keagen.cli;

/** How findings and the summary are printed on stderr: one line each, for people or for machines. */
enum OutputFormat {
  /** {@code error[code] object: message (fix: hint)} and a {@code keagen: ...} summary. */
  human,
  /** One JSON object per line: {@code {"kind":"finding",...}}, then {@code {"kind":"summary",...}}. */
  json
}
