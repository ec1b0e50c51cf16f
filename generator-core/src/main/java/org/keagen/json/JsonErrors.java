package org.keagen.json;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Describes where JSON text failed to parse, for diagnostics. */
public final class JsonErrors {
  private JsonErrors() {}

  /** {@code " at line L, column C"}, or empty when the parser knows no position. */
  public static String where(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
