package org.keagen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.plan.OptionData;
import org.keagen.snapshot.JsonObject;

/**
 * The site's custom option definitions, by name. An option-data entry for a custom option carries
 * the definition's code (and space when it is not {@code dhcp4}), as Kea needs.
 */
final class OptionDefinitions {
  private record Definition(int code, String space) {}

  private final Map<String, Definition> byName;

  private OptionDefinitions(Map<String, Definition> byName) {
    this.byName = byName;
  }

  /** Checks each definition's shape and uniqueness; reports what is wrong. */
  static OptionDefinitions of(List<JsonObject> definitions, Consumer<Diagnostic> report) {
    Map<String, Definition> byName = new HashMap<>();
    for (int i = 0; i < definitions.size(); i++) {
      JsonObject definition = definitions.get(i);
      JsonNode name = definition.at("/name");
      JsonNode code = definition.at("/code");
      JsonNode type = definition.at("/type");
      JsonNode space = definition.at("/space");
      String where = "option definition " + (name.isTextual() ? "'" + name.asText() + "'" : "#" + (i + 1));
      if (!name.isTextual() || name.asText().isBlank() || !code.isIntegralNumber() || code.asInt() < 1
          || code.asInt() > 254 || !type.isTextual()
          || !(space.isMissingNode() || space.isTextual())) {
        report.accept(Diagnostic.error(DiagnosticCode.OPTION_DEF_INVALID, where,
            "needs a non-empty 'name', an integer 'code' from 1 to 254, a 'type' and an optional 'space'",
            "correct the site option definition"));
        continue;
      }
      String spaceName = space.isTextual() && !space.asText().isEmpty() ? space.asText() : "dhcp4";
      if (byName.putIfAbsent(name.asText(), new Definition(code.asInt(), spaceName)) != null) {
        report.accept(Diagnostic.error(DiagnosticCode.OPTION_DEF_INVALID, where,
            "is defined twice", "keep one definition per option name"));
      }
    }
    return new OptionDefinitions(byName);
  }

  /** The option-data entry for {@code name} with {@code data}. */
  OptionData optionData(String name, String data) {
    Definition definition = byName.get(name);
    if (definition == null) {
      return OptionData.of(name, data);
    }
    return new OptionData(name, data, definition.code(),
        definition.space().equals("dhcp4") ? null : definition.space());
  }
}
