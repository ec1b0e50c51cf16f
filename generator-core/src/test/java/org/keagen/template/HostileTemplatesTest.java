package org.keagen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates that would hang keagen, fill its memory or print Java objects: each is refused as
 * unsafe within seconds, while the forms real contexts use still render.
 */
class HostileTemplatesTest {
  private static final Duration QUICKLY = Duration.ofSeconds(10);
  private static final Map<String, String> VARIABLES = Map.of("serial", "MT2415XZ04QY", "device_id", "d1");

  private static TemplateOutcome render(String template) {
    return assertTimeoutPreemptively(QUICKLY, () -> SandboxedTemplates.instance().render(template, VARIABLES));
  }

  private static String list(int size) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      list.append(i == 0 ? "" : ",").append(i);
    }
    return list.append("]").toString();
  }

  /** As many copies of {@code part}, joined by {@code glue}, as fit in the template size cap. */
  private static String fill(String prefix, String part, String glue, String suffix) {
    StringBuilder text = new StringBuilder(prefix).append(part);
    while (text.length() + glue.length() + part.length() + suffix.length() <= SandboxedTemplates.MAX_TEMPLATE_CHARS) {
      text.append(glue).append(part);
    }
    return text.append(suffix).toString();
  }

  static Stream<Arguments> hostile() {
    String fifty = list(50);
    String longText = "x".repeat(2000);
    String hexes = "(serial" + " | hex".repeat(9) + ")";
    return Stream.of(
        Arguments.of("nested loops over literal lists (50^5 iterations, no output)",
            "{% for a in " + fifty + " %}{% for b in " + fifty + " %}{% for c in " + fifty + " %}{% for d in "
                + fifty + " %}{% for e in " + fifty + " %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}"),
        Arguments.of("a variable doubled forty times", "{% set a = 'aaaaaaaa' %}"
            + "{% set a = a ~ a %}".repeat(40) + "{{ a | length }}"),
        Arguments.of("a filter block around a loop", "{% filter upper %}{{ serial }}{% endfilter %}"),
        Arguments.of("format with a huge width", "{{ '%999999999d' | format(1) }}"),
        Arguments.of("hex applied until the value explodes", "{{ serial" + " | hex".repeat(20) + " }}"),
        Arguments.of("base64encode applied until the value explodes", "{{ serial" + " | base64encode".repeat(60) + " }}"),
        Arguments.of("replace multiplying its input", "{{ serial | replace({'M': '" + longText + "'}) | replace({'x': '"
            + longText + "'}) }}"),
        Arguments.of("split and join multiplying their input", "{{ serial | split('') | join('" + longText
            + "') | split('') | join('" + longText + "') }}"),
        Arguments.of("a chain of joins of exploded values", fill("{{ ", hexes, " ~ ", " }}")),
        Arguments.of("a chain of additions of exploded values", fill("{{ ", hexes, " + ", " }}")),
        Arguments.of("Pebble's context object", "{{ _context }}"),
        Arguments.of("Pebble's template object", "{{ template }}"),
        Arguments.of("a variable through Pebble's context", "{{ _context.serial }}"),
        Arguments.of("parentheses nested thousands deep", "{{ " + "(".repeat(4000) + "serial" + ")".repeat(4000) + " }}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isRefusedAsUnsafeQuickly(String what, String template) {
    TemplateOutcome outcome = render(template);

    assertEquals(TemplateOutcome.Failure.UNSAFE, outcome.failure(), () -> what + ": " + outcome);
  }

  static Stream<Arguments> ordinary() {
    return Stream.of(
        Arguments.of("00:{{ serial | hex }}", "00:4d:54:32:34:31:35:58:5a:30:34:51:59"),
        Arguments.of("{{ ('NV#' + serial) | hex }}", "4e:56:23:4d:54:32:34:31:35:58:5a:30:34:51:59"),
        Arguments.of("http://10.0.0.5/{{ device_id ~ '/' ~ serial | lower }}", "http://10.0.0.5/d1/mt2415xz04qy"),
        Arguments.of("{{ serial | replace({'MT': 'mt-'}) }}", "mt-2415XZ04QY"),
        Arguments.of("{{ [serial, device_id] | join(',') }}", "MT2415XZ04QY,d1"),
        Arguments.of("{% if serial == 'MT2415XZ04QY' %}known{% else %}other{% endif %}", "known"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordinary")
  void ordinaryTemplatesStillRender(String template, String expected) {
    TemplateOutcome outcome = render(template);

    assertTrue(outcome.ok(), outcome::toString);
    assertEquals(expected, outcome.text());
  }
}
