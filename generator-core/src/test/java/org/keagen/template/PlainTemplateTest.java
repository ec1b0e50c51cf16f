package org.keagen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain templates render without Pebble to exactly what Pebble renders. */
class PlainTemplateTest {
  private static final SandboxedTemplates SANDBOX = SandboxedTemplates.instance();
  /** Text between expressions: plain, and what makes a template not plain. */
  private static final String[] TEXTS = {"", "a", "00:", "http://", "/", ".sh", " ", "\n", "é", "\uD83D\uDE00", "{", "}",
      "}}", "{%", "%}", "{# c #}", "{#", "\\", "'", "|", "~"};
  private static final String[] NAMES = {"serial", "device_id", "ztp_server", "site", "none", "true", "_context",
      "template", "x_1", "1x", "serial.bytes", "'a'", "serial ~ 'x'", ""};
  private static final String[] FILTERS = {"", "", "hex", "upper", "hex | hex", "hex()"};
  private static final String[] SPACES = {"", "", " ", "  ", "\t", "-"};
  private static final String[] VALUES = {"", "MT2415XZ04QY", "d1", "a b", "é€", "\uD83D\uDE00x", "{{ serial }}",
      "\\", "192.0.2.5"};

  @Test
  void randomTemplatesRenderAsPebbleRendersThem() {
    Random random = new Random(20261123);
    int plain = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder template = new StringBuilder(pick(random, TEXTS));
      for (int parts = random.nextInt(4); parts > 0; parts--) {
        String filter = pick(random, FILTERS);
        template.append("{{").append(pick(random, SPACES)).append(pick(random, NAMES)).append(pick(random, SPACES))
            .append(filter.isEmpty() ? "" : "|" + pick(random, SPACES) + filter + pick(random, SPACES))
            .append(random.nextInt(20) == 0 ? "}" : "}}").append(pick(random, TEXTS));
      }
      Map<String, String> variables = Map.of("serial", VALUES[random.nextInt(VALUES.length)],
          "device_id", VALUES[random.nextInt(VALUES.length)], "ztp_server", VALUES[random.nextInt(VALUES.length)]);
      String text = template.toString();
      if (text.endsWith("\\")) {
        continue; // refused before either renderer (SandboxedTemplatesTest)
      }
      PlainTemplate parsed = PlainTemplate.parse(text);
      if (parsed != null && parsed.render(variables) != null) {
        plain++;
      }
      assertEquals(SANDBOX.renderWithPebble(text, variables), SANDBOX.render(text, variables), text);
    }
    assertTrue(plain > 1_000, "plain templates rendered without Pebble: " + plain);
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  @Test
  void theUsualTemplatesArePlain() {
    Map<String, String> variables = Map.of("serial", "MT24X01", "device_name", "leaf-1", "ztp_server", "192.0.2.5");
    assertEquals("00:4d:54:32:34:58:30:31", PlainTemplate.parse("00:{{ serial | hex }}").render(variables));
    assertEquals("http://192.0.2.5/ztp/leaf-1.sh",
        PlainTemplate.parse("http://{{ztp_server}}/ztp/{{  device_name }}.sh").render(variables));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ serial | upper }}", "{{ serial ~ 'x' }}", "{{ 'a' }}", "{{ true }}", "{{ _context }}",
      "{# c #}", "{% if serial %}x{% endif %}", "a}b", "a\\b", "{{-serial}}", "{{ serial\t}}", "{{ serial | hex | hex }}",
      "{{ serial.bytes }}", "{{ serial", "{{ }}", "{{ 1x }}"})
  void anythingElseIsLeftToPebble(String template) {
    assertNull(PlainTemplate.parse(template));
  }

  @Test
  void aVariableNotGivenIsLeftToPebbleForItsMessage() {
    PlainTemplate template = PlainTemplate.parse("{{ site }}");
    assertNotNull(template);
    assertNull(template.render(Map.of("serial", "x")));
    assertEquals(TemplateOutcome.Failure.INVALID, SANDBOX.render("{{ site }}", Map.of("serial", "x")).failure());
  }

  @Test
  void outputNearTheCapIsLeftToPebble() {
    String serial = "x".repeat(SandboxedTemplates.MAX_OUTPUT_CHARS / 2);
    assertNull(PlainTemplate.parse("{{ serial }}").render(Map.of("serial", serial)));
    assertEquals(serial, SANDBOX.render("{{ serial }}", Map.of("serial", serial)).text());
    assertEquals(TemplateOutcome.Failure.UNSAFE,
        SANDBOX.render("{{ serial | hex }}", Map.of("serial", serial)).failure());
  }
}
