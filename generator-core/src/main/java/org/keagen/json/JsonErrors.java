package org.keagen.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes a JSON parse failure by where it is and what kind it is, never by the text it stopped
 * at: the parser quotes the offending token ({@code Unrecognized token 'abc123...'}), which may be
 * a secret that lost its quotes, so quoted input longer than one character is left out.
 */
public final class JsonErrors {
  private static final Pattern QUOTED = Pattern.compile("'[^']{2,}'");
  private static final Pattern NUMBER_VALUE = Pattern.compile("\\(([^()]*[0-9][^()]*)\\) out of range");

  private JsonErrors() {}

  /** {@code " at line L, column C: what"}; the location part is absent when the parser gave none. */
  public static String describe(JsonProcessingException e) {
    String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return where + ": " + redact(e.getOriginalMessage());
  }

  /** The parser's message with quoted input text replaced by {@code '…'}; field names of duplicates kept. */
  static String redact(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    String firstLine = message.lines().findFirst().orElse("").strip();
    if (firstLine.startsWith("Duplicate field")) {
      return firstLine;
    }
    String redacted = QUOTED.matcher(firstLine).replaceAll(Matcher.quoteReplacement("'…'"));
    return NUMBER_VALUE.matcher(redacted).replaceAll(Matcher.quoteReplacement("(…) out of range"));
  }
}
