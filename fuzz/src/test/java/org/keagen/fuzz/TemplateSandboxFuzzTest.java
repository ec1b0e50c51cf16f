package org.keagen.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.keagen.template.SandboxedTemplates;
import org.keagen.template.TemplateOutcome;

/** Any template text with any variable values: rendered within the caps or refused, never thrown. */
class TemplateSandboxFuzzTest {
  /**
   * How a Pebble object prints ({@code Object.toString}: its class, {@code @} and a hash); text the
   * template spells out, also across a comment, or a variable's value is not one.
   */
  private static final Pattern PRINTED_OBJECT = Pattern.compile("io\\.pebbletemplates\\.[\\w.$]+@[0-9a-f]+");
  private static final Pattern COMMENT = Pattern.compile("\\{#.*?#}", Pattern.DOTALL);

  @FuzzTest
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  @DictionaryEntries({"{{", "}}", "{%", "%}", "{#", "#}", "|", "~", "+", "(", ")", "[", "]", "'", ",", ".",
      "serial", "device_id", "ztp_server", "_context", "template", "locale", " hex", "replace", "join", "split",
      "base64encode", "format", "length", "upper", "abbreviate", "slice", "default", "for ", " in ", "endfor",
      "set ", "if ", "endif", "else", "include", "import", "macro", "filter", "range", "..", "getClass()", "class",
      "is null", "not ", "==", "verbatim", "autoescape"})
  void rendersWithinTheCapsOrRefuses(FuzzedDataProvider data) {
    long start = System.nanoTime();
    String serial = data.consumeString(64);
    String deviceId = data.consumeString(40);
    String template = data.consumeRemainingAsString();

    TemplateOutcome outcome = SandboxedTemplates.instance().render(template,
        Map.of("serial", serial, "device_id", deviceId, "ztp_server", "192.0.2.5"));

    if (outcome.ok()) {
      assertTrue(outcome.text().length() <= SandboxedTemplates.MAX_OUTPUT_CHARS, "output within the cap");
      assertTrue(!PRINTED_OBJECT.matcher(outcome.text()).find()
              || PRINTED_OBJECT.matcher(COMMENT.matcher(template).replaceAll("") + "\n" + serial + "\n" + deviceId).find(),
          () -> "a Pebble object was printed: " + template);
    } else {
      assertNotNull(outcome.failure());
      assertNotNull(outcome.message());
    }
    Slow.check("template", start, template);
  }
}
