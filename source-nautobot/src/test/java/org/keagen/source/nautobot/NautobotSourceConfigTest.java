package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keagen.source.SourceException;

class NautobotSourceConfigTest {
  private static final String SECRET = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";

  @Test
  void defaultsAreTheReferenceDataModel() {
    NautobotSourceConfig config = NautobotSourceConfig.builder("https://nb", () -> SECRET).build();

    assertEquals("dhcp-subnet", config.subnetTag());
    assertEquals("dhcp-pool", config.poolTag());
    assertEquals("dhcp-reserve", config.reserveTag());
    assertEquals("prefix_to_gateway", config.gatewayRelationship());
    assertEquals("ztp_enabled", config.ztpField());
    assertEquals("kea_subnet_id", config.subnetIdField());
    assertEquals("nv-config-manager-site-dhcp-option-def", config.optionDefSchema());
    assertEquals("nv-config-manager-kea-static-data", config.staticDataSchema());
    assertFalse(config.insecure());
  }

  @Test
  void toStringHoldsNoToken() {
    String text = NautobotSourceConfig.builder("https://nb", () -> SECRET).build().toString();

    assertFalse(text.contains(SECRET), text);
  }

  @Test
  void keysMustBeIdentifiersAndBlankMeansNone() {
    assertThrows(IllegalArgumentException.class,
        () -> NautobotSourceConfig.builder("https://nb", () -> SECRET).ztpField("ztp-enabled").build());
    assertThrows(IllegalArgumentException.class,
        () -> NautobotSourceConfig.builder("https://nb", () -> SECRET).gatewayRelationship("x { y }").build());
    assertNull(NautobotSourceConfig.builder("https://nb", () -> SECRET).ztpField(" ").build().ztpField());
    assertThrows(IllegalArgumentException.class,
        () -> NautobotSourceConfig.builder("https://nb", () -> SECRET).pageSize(0).build());
  }

  @Test
  void aTokenFileIsReadWhenFetchingAndAnUnreadableOneIsNamed() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("token", ".txt");
    java.nio.file.Files.writeString(file, SECRET + "\n");
    assertEquals(SECRET, NautobotSourceConfig.tokenFile(file).get());
    java.nio.file.Files.delete(file);

    SourceException e = assertThrows(SourceException.class, () -> NautobotSource.of(
        NautobotSourceConfig.builder("http://127.0.0.1:9", NautobotSourceConfig.tokenFile(file)).build()).fetch());

    assertEquals("cannot read the Nautobot API token: cannot read token file " + file + " (NoSuchFileException)",
        e.getMessage());
  }

  @Test
  void baseUrlDropsApiSuffixesAndRefusesCredentials() throws Exception {
    assertEquals("https://nb.example.net", BaseUrl.parse("https://nb.example.net/api/graphql/").display());
    assertEquals("https://nb.example.net", BaseUrl.parse("https://nb.example.net/api").display());
    assertEquals("https://nb.example.net/nautobot", BaseUrl.parse(" https://nb.example.net/nautobot/ ").display());
    assertEquals("https://nb.example.net/api/graphql/",
        BaseUrl.parse("https://nb.example.net").resolve("api/graphql/").toString());
    SourceException e = assertThrows(SourceException.class, () -> BaseUrl.parse("https://u:pw@nb.example.net"));
    assertFalse(e.getMessage().contains("pw"), e.getMessage());
    assertThrows(SourceException.class, () -> BaseUrl.parse("nb.example.net"));
  }

  @Test
  void progressGoesToATerminalOnlyAndWarningsAlways() {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    ProgressSink onTerminal = ProgressSink.stderr(new PrintStream(terminal, true, StandardCharsets.UTF_8), true);
    onTerminal.progress("pool addresses", 250, false);
    onTerminal.warning("careful");
    onTerminal.progress("pool addresses", 300, true);
    assertEquals("\rnautobot: pool addresses: 250 ...\nwarning: careful\n\rnautobot: pool addresses: 300\n",
        terminal.toString(StandardCharsets.UTF_8));

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ProgressSink notTerminal = ProgressSink.stderr(new PrintStream(log, true, StandardCharsets.UTF_8), false);
    notTerminal.progress("pool addresses", 250, true);
    notTerminal.warning("careful");
    assertEquals("warning: careful\n", log.toString(StandardCharsets.UTF_8));
  }
}
