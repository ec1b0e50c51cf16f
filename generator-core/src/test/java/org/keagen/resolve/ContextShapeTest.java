package org.keagen.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.snapshot.Device;
import org.keagen.snapshot.JsonObject;

/** Config context sections of the wrong shape are errors, not silently ignored settings. */
class ContextShapeTest {
  private static Device device(String contextJson) throws Exception {
    ObjectNode context = (ObjectNode) new ObjectMapper().readTree(contextJson.replace('\'', '"'));
    return new Device("d1", "leaf1", "MT1", null, null, null, true, JsonObject.of(context));
  }

  private static List<Diagnostic> read(String contextJson) throws Exception {
    List<Diagnostic> found = new ArrayList<>();
    ContextOptions options = ContextOptions.forInterface(device(contextJson), "eth0", null, found::add);
    if (found.isEmpty()) {
      assertNotNull(options);
    } else {
      assertNull(options, "no settings when the context is malformed");
    }
    return found;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'dhcp': []}|dhcp",
      "{'dhcp': 'on'}|dhcp",
      "{'dhcp': 1}|dhcp",
      "{'ztp': ['10.0.0.5']}|ztp",
      "{'ztp': true}|ztp",
  })
  void aSectionThatIsNotAnObjectIsInvalid(String context, String section) throws Exception {
    List<Diagnostic> found = read(context);

    assertEquals(1, found.size(), found::toString);
    assertEquals(DiagnosticCode.CONTEXT_INVALID, found.get(0).code());
    assertEquals("device leaf1 config context " + section, found.get(0).object());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2001:db8::5", "10.0.0.5/24", "ztp.example.net", "{{ x }}", "10.0.0.256", " "})
  void aZtpServerThatIsNotAnIpv4AddressIsInvalid(String server) throws Exception {
    List<Diagnostic> found = read("{'ztp': {'ipv4': ['10.0.0.5', '" + server + "']}}");

    assertEquals(1, found.size(), found::toString);
    assertEquals(DiagnosticCode.CONTEXT_INVALID, found.get(0).code());
    assertEquals("device leaf1 config context ztp.ipv4", found.get(0).object());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{'dhcp': null, 'ztp': null}", "{'dhcp': {}, 'ztp': {'ipv4': [' 10.0.0.5 ']}}",
      "{'ztp': {'ipv6': ['2001:db8::5']}}"})
  void wellShapedContextsAreRead(String context) throws Exception {
    assertEquals(List.of(), read(context));
  }
}
