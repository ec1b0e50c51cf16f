package org.keagen.template;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A filter that may neither be handed work that could blow up ({@code replace} or {@code join}
 * multiply their input by their arguments) nor return more than the sandbox's output cap, so a
 * chain of filters ({@code serial | hex | hex | ...}) cannot grow a value without bound in memory.
 */
final class BoundedFilter implements Filter {
  /** The most an input's size times its arguments' size may be: a filter's worst-case work. */
  static final long MAX_WORK = 4L * 1024 * 1024;

  private final String name;
  private final Filter filter;

  private BoundedFilter(String name, Filter filter) {
    this.name = name;
    this.filter = filter;
  }

  static Filter of(String name, Filter filter) {
    return filter instanceof BoundedFilter ? filter : new BoundedFilter(name, filter);
  }

  @Override
  public List<String> getArgumentNames() {
    return filter.getArgumentNames();
  }

  @Override
  public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
      int lineNumber) throws PebbleException {
    long work = (size(input) + 1) * (size(args == null ? null : args.values()) + 1);
    if (work > MAX_WORK) {
      throw new SandboxViolation("the " + name + " filter was given too much to work on (input and arguments of "
          + "sizes whose product exceeds " + MAX_WORK + ")", lineNumber, self.getName());
    }
    Object result = filter.apply(input, args, self, context, lineNumber);
    if (size(result) > SandboxedTemplates.MAX_OUTPUT_CHARS) {
      throw new SandboxViolation("the " + name + " filter produced more than " + SandboxedTemplates.MAX_OUTPUT_CHARS
          + " characters", lineNumber, self.getName());
    }
    return result;
  }

  /** Roughly how many characters a value holds: text length, summed over collections and maps. */
  static long size(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof CharSequence text) {
      return text.length();
    }
    if (value instanceof Collection<?> items) {
      long total = items.size();
      for (Object item : items) {
        total += size(item);
      }
      return total;
    }
    if (value instanceof Map<?, ?> map) {
      long total = map.size();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        total += size(entry.getKey()) + size(entry.getValue());
      }
      return total;
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return String.valueOf(value).length();
    }
    return 16;
  }
}
