package org.keagen.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template that is only text and variables printed as they are or through {@code hex}, such as
 * {@code 00:{{ serial | hex }}} or {@code http://{{ ztp_server }}/{{ device_name }}.sh}: what nearly
 * every option and client-id template is. It renders without Pebble, to the text Pebble renders
 * (a tenth of the time, one of a device's largest costs at scale). Anything else, and any render
 * that would fail or near a cap, is left to Pebble, so failures keep Pebble's own messages.
 */
final class PlainTemplate {
  /**
   * Names Pebble reads as something other than a variable (literals, operators), and the globals
   * the sandbox shadows: a template naming one is left to Pebble.
   */
  private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "none", "not", "and", "or",
      "is", "in", "contains", "equals", "_context", "template", "locale");

  /** Text as it is ({@code variable == null}), or a variable, hexed or not. */
  private record Part(String text, String variable, boolean hex) {}

  private final List<Part> parts;

  private PlainTemplate(List<Part> parts) {
    this.parts = parts;
  }

  /**
   * The template of {@code text} when it is plain: text without braces or backslashes, and
   * expressions {@code {{ name }}} or {@code {{ name | hex }}} with spaces only between their
   * tokens; else {@code null}.
   */
  static PlainTemplate parse(String text) {
    List<Part> parts = new ArrayList<>();
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf("{{", at);
      int end = open < 0 ? text.length() : open;
      for (int i = at; i < end; i++) {
        char c = text.charAt(i);
        if (c == '{' || c == '}' || c == '\\') {
          return null;
        }
      }
      if (end > at) {
        parts.add(new Part(text.substring(at, end), null, false));
      }
      if (open < 0) {
        break;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        return null;
      }
      Part variable = expression(text.substring(open + 2, close));
      if (variable == null) {
        return null;
      }
      parts.add(variable);
      at = close + 2;
    }
    return new PlainTemplate(List.copyOf(parts));
  }

  /** {@code name} or {@code name | hex}, spaces around each token; else {@code null}. */
  private static Part expression(String inside) {
    String[] pipe = inside.split("\\|", -1);
    if (pipe.length > 2 || (pipe.length == 2 && !pipe[1].strip().equals("hex"))) {
      return null;
    }
    if (!spacesAround(pipe[pipe.length - 1]) || !spacesAround(pipe[0])) {
      return null;
    }
    String name = pipe[0].strip();
    if (!isName(name) || NOT_VARIABLES.contains(name)) {
      return null;
    }
    return new Part(null, name, pipe.length == 2);
  }

  /** True when the only characters around the token in {@code text} are spaces. */
  private static boolean spacesAround(String text) {
    String token = text.strip();
    return !token.isEmpty() && text.replace(" ", "").equals(token);
  }

  /** An ASCII letter or underscore, then letters, digits and underscores. */
  private static boolean isName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rendered text, or {@code null} when Pebble must render it: a variable not given, or output
   * that could reach a cap (for Pebble's own refusal).
   */
  String render(Map<String, String> variables) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      String value = part.text;
      if (part.variable != null) {
        value = variables.get(part.variable);
        if (value == null || value.length() >= SandboxedTemplates.MAX_OUTPUT_CHARS / 16) {
          return null;
        }
        if (part.hex) {
          value = HexFilter.hex(value);
        }
      }
      out.append(value);
      if (out.length() >= SandboxedTemplates.MAX_OUTPUT_CHARS) {
        return null;
      }
    }
    return out.toString();
  }
}
