package org.keagen.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SandboxedTemplatesTest {
  private static final SandboxedTemplates SANDBOX = SandboxedTemplates.instance();

  private static TemplateOutcome render(String template) {
    return SANDBOX.render(template, Map.of("serial", "MT2415XZ04QY", "device_id", "d1"));
  }

  @Test
  void theHexFilterWritesEachCharacterAsTwoLowerCaseHexDigits() {
    assertEquals("00:4d:54:32:34:31:35:58:5a:30:34:51:59", render("00:{{ serial | hex }}").text());
  }

  @Test
  void theHexFilterAppliesToConcatenations() {
    assertEquals("4e:56:23:4d:54", SANDBOX.render("{{ ('NV#' + serial) | hex }}", Map.of("serial", "MT")).text());
  }

  @Test
  void nothingIsEscaped() {
    assertEquals("a&b<c>'\"", SANDBOX.render("{{ v }}", Map.of("v", "a&b<c>'\"")).text());
  }

  @Test
  void backslashesPassThrough() {
    assertEquals("\\,full-config\\,", render("\\,full-config\\,").text());
  }

  @Test
  void anUnknownVariableIsInvalidAndNamesTheAvailableOnes() {
    TemplateOutcome outcome = render("{{ site }}");
    assertEquals(TemplateOutcome.Failure.INVALID, outcome.failure());
    assertTrue(outcome.message().contains("device_id, serial"), outcome.message());
  }

  @Test
  void badSyntaxIsInvalid() {
    assertEquals(TemplateOutcome.Failure.INVALID, render("{{ serial | hex ").failure());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{{ serial.getClass() }}",
      "{{ serial.getClass().forName('java.lang.Runtime') }}",
      "{{ serial.bytes }}",
      "{% include '/etc/passwd' %}",
      "{% import '/etc/passwd' %}",
      "{% extends '/etc/passwd' %}",
      "{% embed '/etc/passwd' %}{% endembed %}",
      "{% for i in range(1, 100000000) %}x{% endfor %}",
      "{% for i in 1..100000000 %}x{% endfor %}",
      "{% macro m() %}x{% endmacro %}",
  })
  void whatTheSandboxForbidsIsRefusedNotRun(String template) {
    TemplateOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> render(template));
    assertFalse(outcome.ok(), () -> template + " rendered " + outcome.text());
    assertTrue(outcome.failure() == TemplateOutcome.Failure.UNSAFE
        || outcome.failure() == TemplateOutcome.Failure.INVALID, outcome::toString);
  }

  @Test
  void methodCallsAreUnsafe() {
    assertEquals(TemplateOutcome.Failure.UNSAFE, render("{{ serial.getClass() }}").failure());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{% include 'x' %}", "{% import 'x' %}", "{% extends 'x' %}",
      "{% for i in range(1, 9) %}x{% endfor %}"})
  void reachingOtherTemplatesOrUnboundedLoopsIsUnsafe(String template) {
    TemplateOutcome outcome = render(template);
    assertEquals(TemplateOutcome.Failure.UNSAFE, outcome.failure(), outcome::toString);
    assertFalse(outcome.message().contains(template), "the message should not repeat the template: " + outcome);
  }

  @Test
  void aHugeTemplateIsRefused() {
    assertEquals(TemplateOutcome.Failure.UNSAFE, render("x".repeat(SandboxedTemplates.MAX_TEMPLATE_CHARS + 1)).failure());
  }

  @Test
  void outputBeyondTheCapIsRefused() {
    String big = "y".repeat(4000);
    StringBuilder template = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      template.append("{{ v }}");
    }
    TemplateOutcome outcome = SANDBOX.render(template.toString(), Map.of("v", big));
    assertEquals(TemplateOutcome.Failure.UNSAFE, outcome.failure(), outcome::toString);
  }

  @Test
  void theCapIsExactOnBothSidesOfIt() {
    String atCap = "z".repeat(SandboxedTemplates.MAX_OUTPUT_CHARS);
    TemplateOutcome fits = SANDBOX.render("{{ v }}", Map.of("v", atCap));
    assertEquals(atCap, fits.text(), "output of exactly the cap renders");
    TemplateOutcome over = SANDBOX.render("x{{ v }}", Map.of("v", atCap));
    assertEquals(TemplateOutcome.Failure.UNSAFE, over.failure(), over::toString);
    assertTrue(over.message().contains("more than " + SandboxedTemplates.MAX_OUTPUT_CHARS), over::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{{ \"a\\", "{% if \"ma%{##}\\", "%\\.{%ma%m\"ma%{##}\\", "{{ serial }}\\"})
  void aTemplateEndingInABackslashIsRefusedNotLooped(String template) {
    // Pebble 4.1.2's lexer loops forever on the first three (a string literal open at the end)
    TemplateOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> render(template));
    assertEquals(TemplateOutcome.Failure.INVALID, outcome.failure(), outcome::toString);
    assertTrue(outcome.message().contains("backslash"), outcome::toString);
  }

  @Test
  void plainTextNeedsNoRendering() {
    assertFalse(SandboxedTemplates.isTemplate("http://10.0.0.1/boot"));
    assertTrue(SandboxedTemplates.isTemplate("http://{{ ztp_server }}/boot"));
  }
}
