package org.keagen.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ClassAccessException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.core.DisallowExtensionCustomizerBuilder;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Renders untrusted Pebble templates safely. Strict variables (an unknown name is an error), no
 * autoescaping, no loader that reaches files (and the {@code include}, {@code import}, {@code
 * extends}, {@code embed} tags removed), no Java method calls, no loops or variables ({@code for},
 * {@code set}, {@code range}, {@code ..}: nested loops over literal lists run for ages, and a
 * variable doubled by {@code set} fills memory), no {@code format} filter (its widths allocate at
 * will), Pebble's own {@code _context}, {@code template} and {@code locale} out of reach, every
 * filter's work and result and every {@code ~} or {@code +} bounded, and a cap on template and
 * output size. So a render costs time and memory linear in the template's size. Templates are
 * compiled once per distinct text; plain ones ({@link PlainTemplate}) render without Pebble. Thread-safe.
 */
public final class SandboxedTemplates {
  /** The longest template text accepted. */
  public static final int MAX_TEMPLATE_CHARS = 8 * 1024;
  /** The longest output a template may produce. */
  public static final int MAX_OUTPUT_CHARS = 256 * 1024;

  private static final List<String> FORBIDDEN_TAGS = List.of(
      "include", "import", "from", "extends", "embed", "block", "macro", "parallel", "cache", "flush",
      "for", "set", "filter");
  private static final List<String> FORBIDDEN_FUNCTIONS = List.of("range", "block", "parent", "i18n");
  private static final List<String> FORBIDDEN_FILTERS = List.of("format");
  /** Pebble's globals: printing them shows Java objects, so they are shadowed by a value that refuses. */
  private static final List<String> SHADOWED_GLOBALS = List.of("_context", "template", "locale");
  private static final SandboxedTemplates INSTANCE = new SandboxedTemplates();
  private static final Object NOT_PLAIN = new Object();

  private final PebbleEngine engine;
  /** Each distinct template text compiled once; a look-up here costs a tenth of Pebble's own cache's. */
  private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();
  /** Each distinct template text as a {@link PlainTemplate}, or as {@link #NOT_PLAIN} when it is not one. */
  private final Map<String, Object> plain = new ConcurrentHashMap<>();

  private SandboxedTemplates() {
    engine = new PebbleEngine.Builder()
        .loader(new StringLoader())
        .strictVariables(true)
        .autoEscaping(false)
        .newLineTrimming(false)
        .defaultLocale(Locale.ROOT)
        .methodAccessValidator((object, method) -> false)
        .extension(new KeagenFilters())
        .registerExtensionCustomizer(bounded(new DisallowExtensionCustomizerBuilder()
            .disallowedTokenParserTags(FORBIDDEN_TAGS)
            .disallowedFunctionKeys(FORBIDDEN_FUNCTIONS)
            .disallowedFilterKeys(FORBIDDEN_FILTERS)
            .disallowedBinaryOperatorSymbols(List.of(".."))
            .build()))
        .build();
  }

  /** The shared sandbox. */
  public static SandboxedTemplates instance() {
    return INSTANCE;
  }

  /** True when {@code text} contains template syntax and must be rendered; plain text is used as is. */
  public static boolean isTemplate(String text) {
    return text.contains("{{") || text.contains("{%") || text.contains("{#");
  }

  /** Renders {@code template} with exactly {@code variables} in scope. */
  public TemplateOutcome render(String template, Map<String, String> variables) {
    if (template.length() > MAX_TEMPLATE_CHARS) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE,
          "template is " + template.length() + " characters; at most " + MAX_TEMPLATE_CHARS + " are accepted");
    }
    if (template.endsWith("\\")) {
      // Pebble 4.1.2's lexer never returns from a string literal whose last character is a
      // backslash at the end of the template ({{ "a\ ), so no such template reaches it
      return TemplateOutcome.failed(TemplateOutcome.Failure.INVALID,
          "it ends with a backslash, which the template reader cannot read; remove the trailing backslash");
    }
    Object known = plain.computeIfAbsent(template, text -> {
      PlainTemplate parsed = PlainTemplate.parse(text);
      return parsed == null ? NOT_PLAIN : parsed;
    });
    String rendered = known instanceof PlainTemplate simple ? simple.render(variables) : null;
    return rendered != null ? TemplateOutcome.rendered(rendered) : renderWithPebble(template, variables);
  }

  /** Renders {@code template} (within the size cap, no trailing backslash) with Pebble. */
  TemplateOutcome renderWithPebble(String template, Map<String, String> variables) {
    Map<String, Object> scope = new HashMap<>();
    SHADOWED_GLOBALS.forEach(name -> scope.put(name, Shadowed.INSTANCE));
    scope.putAll(variables);
    try {
      PebbleTemplate compiled = compiled(template);
      BoundedWriter out = new BoundedWriter(MAX_OUTPUT_CHARS);
      compiled.evaluate(out, scope);
      return TemplateOutcome.rendered(out.toString());
    } catch (StackOverflowError e) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE, "template is nested too deeply");
    } catch (SandboxViolation e) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE, e.getPebbleMessage());
    } catch (ClassAccessException e) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE,
          "templates may not call Java methods (" + firstLine(e.getPebbleMessage()) + ")");
    } catch (RootAttributeNotFoundException e) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.INVALID, "unknown variable: "
          + firstLine(e.getPebbleMessage()) + "; available: " + String.join(", ", sorted(variables)));
    } catch (AttributeNotFoundException e) {
      return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE,
          "templates may not read attributes of variables (" + firstLine(e.getPebbleMessage()) + ")");
    } catch (PebbleException e) {
      SandboxViolation violation = violation(e);
      if (violation != null) {
        return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE, violation.getPebbleMessage());
      }
      String message = firstLine(e.getPebbleMessage());
      boolean forbidden = FORBIDDEN_TAGS.stream().anyMatch(tag -> message.contains("tag name \"" + tag + "\""))
          || FORBIDDEN_FUNCTIONS.stream().anyMatch(f -> message.contains("[" + f + "]"))
          || FORBIDDEN_FILTERS.stream().anyMatch(f -> message.contains("[" + f + "]"))
          || message.startsWith("Tried to write more than");
      String where = e.getLineNumber() == null ? "" : " (line " + e.getLineNumber() + ")";
      return TemplateOutcome.failed(
          forbidden ? TemplateOutcome.Failure.UNSAFE : TemplateOutcome.Failure.INVALID, message + where);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a BoundedWriter does not fail
    } catch (RuntimeException e) {
      SandboxViolation violation = violation(e);
      if (violation != null) {
        return TemplateOutcome.failed(TemplateOutcome.Failure.UNSAFE, violation.getPebbleMessage());
      }
      // Pebble reports some template faults (e.g. unsupported operand types) as runtime exceptions.
      return TemplateOutcome.failed(TemplateOutcome.Failure.INVALID, firstLine(String.valueOf(e.getMessage())));
    }
  }

  /** The compiled {@code template}; one that does not compile is not kept (Pebble throws). */
  private PebbleTemplate compiled(String template) {
    PebbleTemplate known = compiled.get(template);
    if (known == null) {
      known = engine.getTemplate(template);
      compiled.putIfAbsent(template, known);
    }
    return known;
  }

  /** The sandbox violation behind a failure, which Pebble may have wrapped, or {@code null}. */
  private static SandboxViolation violation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SandboxViolation v) {
        return v;
      }
    }
    return null;
  }

  /** Bounds every filter and joining operator of the (already restricted) extension. */
  private static Function<Extension, ExtensionCustomizer> bounded(Function<Extension, ExtensionCustomizer> restricted) {
    return extension -> new ExtensionCustomizer(restricted.apply(extension)) {
      @Override
      public Map<String, Filter> getFilters() {
        return boundedFilters(super.getFilters());
      }

      @Override
      public List<BinaryOperator> getBinaryOperators() {
        return BoundedOperators.bound(super.getBinaryOperators());
      }
    };
  }

  private static Map<String, Filter> boundedFilters(Map<String, Filter> filters) {
    if (filters == null) {
      return null;
    }
    Map<String, Filter> bounded = new LinkedHashMap<>();
    filters.forEach((name, filter) -> bounded.put(name, BoundedFilter.of(name, filter)));
    return bounded;
  }

  private static List<String> sorted(Map<String, String> variables) {
    return variables.keySet().stream().sorted().toList();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "template error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** keagen's own filters. */
  private static final class KeagenFilters extends AbstractExtension {
    @Override
    public Map<String, Filter> getFilters() {
      return boundedFilters(Map.of("hex", new HexFilter()));
    }
  }

  /** What Pebble's globals resolve to here: any attempt to print one is refused. */
  private static final class Shadowed {
    static final Shadowed INSTANCE = new Shadowed();

    @Override
    public String toString() {
      throw new SandboxViolation("templates may not use Pebble's own variables (" + String.join(", ", SHADOWED_GLOBALS)
          + ")", null, null);
    }
  }
}
