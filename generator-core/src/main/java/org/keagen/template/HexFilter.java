package org.keagen.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code hex}: each character's code point as lower-case hex of at least two digits, joined by
 * colons. {@code "MT2" | hex} is {@code 4d:54:32}; feeds client-id templates such as
 * {@code 00:{{ serial | hex }}}.
 */
final class HexFilter implements Filter {

  @Override
  public List<String> getArgumentNames() {
    return List.of();
  }

  @Override
  public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
      EvaluationContext context, int lineNumber) throws PebbleException {
    if (!(input instanceof String text)) {
      throw new PebbleException(null, "the hex filter takes a string", lineNumber, self.getName());
    }
    return hex(text);
  }

  static String hex(String text) {
    StringJoiner joined = new StringJoiner(":");
    text.codePoints().forEach(cp -> {
      String digits = Integer.toHexString(cp);
      joined.add(digits.length() < 2 ? "0" + digits : digits);
    });
    return joined.toString();
  }
}
