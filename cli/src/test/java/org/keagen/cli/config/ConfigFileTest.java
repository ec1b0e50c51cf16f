package org.keagen.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keagen.cli.source.SourceKind;
import org.keagen.cli.source.SourceSettings;
import org.keagen.kea.KeaVersion;

/** {@link ConfigFile}: every key, strictness, paths relative to the file, and no secret in messages. */
class ConfigFileTest {
  private static final Path FILE = Path.of("sites", "dc1", "keagen.yaml");

  private static KeagenConfig parse(String yaml) throws ConfigException {
    return ConfigFile.parse(FILE, yaml);
  }

  private static List<String> problems(Path file, String text) {
    return assertThrows(ConfigException.class, () -> ConfigFile.parse(file, text)).problems();
  }

  private static List<String> problems(String yaml) {
    return problems(FILE, yaml);
  }

  @Test
  void readsEveryKey() throws ConfigException {
    KeagenConfig config = parse("""
        # dc1's DHCP server
        source: netbox
        url: https://netbox.example.net
        token-file: /etc/keagen/netbox.token
        snapshot: dc1-snapshot.json
        tags:
          subnet: kea-subnet
          pool: kea-pool
          reserve: kea-reserve
        custom-fields:
          gateway: gw
          subnet-id: kea_id
          ztp-enabled: ""
          interface-role: role
        gateway-relationship: prefix_gw
        page-size: 500
        parallelism: 4
        insecure: true
        filter:
          location: dc1
          vrf: [red, blue]
          tenant: []
        kea-version: 2.6
        template: ../../templates/site.json.peb
        output: kea-dhcp4.conf
        max-removal-percent: 10
        backup: true
        """);

    assertEquals(FILE, config.file());
    assertEquals(SourceKind.netbox, config.source());
    assertEquals("https://netbox.example.net", config.url());
    assertEquals(Path.of("/etc/keagen/netbox.token"), config.tokenFile());
    assertEquals(Path.of("sites", "dc1", "dc1-snapshot.json"), config.snapshot());
    assertEquals(new SourceSettings.Tags("kea-subnet", "kea-pool", "kea-reserve"), config.tags());
    assertEquals(new SourceSettings.CustomFields("gw", "kea_id", "", "role"), config.customFields());
    assertEquals("prefix_gw", config.gatewayRelationship());
    assertEquals(500, config.pageSize());
    assertEquals(4, config.parallelism());
    assertEquals(true, config.insecure());
    assertEquals(new KeagenConfig.Filter(List.of("dc1"), List.of("red", "blue"), List.of()), config.filter());
    assertEquals(KeaVersion.V2_6, config.keaVersion());
    assertEquals(Path.of("templates", "site.json.peb"), config.template());
    assertEquals(Path.of("sites", "dc1", "kea-dhcp4.conf"), config.output());
    assertEquals(10, config.maxRemovalPercent());
    assertEquals(true, config.backup());
  }

  @Test
  void unsetKeysAreNull() throws ConfigException {
    KeagenConfig config = parse("output: kea.conf\n");

    assertNull(config.source());
    assertNull(config.keaVersion());
    assertEquals(SourceSettings.Tags.defaults(), config.tags());
    assertEquals(KeagenConfig.Filter.none(), config.filter());
    assertEquals(Path.of("sites", "dc1", "kea.conf"), config.output());
  }

  @Test
  void anEmptyFileSetsNothing() throws ConfigException {
    assertNull(parse("# nothing yet\n").output());
  }

  @Test
  void acceptsJsonWhenTheFileIsNamedJson() throws ConfigException {
    KeagenConfig config = ConfigFile.parse(Path.of("keagen.json"), """
        {"source": "snapshot", "snapshot": "snap.json", "kea-version": "3.0", "filter": {"tenant": ["ops"]}}
        """);

    assertEquals(SourceKind.snapshot, config.source());
    assertEquals(Path.of("snap.json"), config.snapshot());
    assertEquals(KeaVersion.V3_0, config.keaVersion());
    assertEquals(List.of("ops"), config.filter().tenant());
  }

  @Test
  void unknownKeysAreErrorsNamingTheKeyAndTheFile() {
    List<String> problems = problems("""
        output: kea.conf
        colour: blue
        tags:
          subnets: dhcp-subnet
        filter:
          site: dc1
        """);

    assertEquals(List.of(
        FILE + ": key 'colour': unknown key; known keys are " + String.join(", ", ConfigFile.KEYS),
        FILE + ": key 'tags.subnets': unknown key; known keys under 'tags' are subnet, pool, reserve",
        FILE + ": key 'filter.site': unknown key; known keys under 'filter' are location, vrf, tenant"), problems);
  }

  @Test
  void everyWrongValueIsReported() {
    List<String> problems = problems("""
        source: ldap
        kea-version: 1.9
        page-size: 0
        parallelism: many
        insecure: "yes"
        custom-fields:
          gateway: "dhcp gateway"
        filter:
          location: [dc1, 7]
        max-removal-percent: 101
        output: ""
        """);

    assertEquals(List.of(
        FILE + ": key 'source': expected netbox, nautobot or snapshot, found 'ldap'",
        FILE + ": key 'custom-fields.gateway': expected a field name (letters, digits, '_', not starting with a"
            + " digit), or \"\" for none",
        FILE + ": key 'page-size': expected a whole number from 1 to 100000",
        FILE + ": key 'parallelism': expected a whole number from 1 to 64",
        FILE + ": key 'insecure': expected true or false",
        FILE + ": key 'filter.location': expected a name or a list of names (non-empty strings)",
        FILE + ": key 'kea-version': expected one of 2.2, 2.4, 2.6, 3.0, found number",
        FILE + ": key 'output': expected a non-empty string",
        FILE + ": key 'max-removal-percent': expected a whole number from 0 to 100"), problems);
  }

  @Test
  void aTokenInTheFileIsRefusedWithoutRepeatingIt() {
    List<String> problems = problems("""
        source: netbox
        token: 0123456789abcdef-very-secret
        """);

    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith(FILE + ": key 'token': tokens are not read from the config file;"),
        problems.get(0));
    assertFalse(problems.get(0).contains("very-secret"), problems.get(0));
  }

  @Test
  void aSecretInAnotherKeyIsNotEchoedEither() {
    List<String> problems = problems("url: 12345\ntags: {subnet: {secret: hunter2}}\n");

    assertTrue(problems.stream().noneMatch(p -> p.contains("12345") || p.contains("hunter2")), problems.toString());
  }

  @Test
  void syntaxErrorsAndDuplicateKeysNameTheLine() {
    assertEquals(List.of(FILE + ": not valid YAML at line 2, column 16"), problems("output: a\nsource: [netbox\n"));
    List<String> duplicate = problems("output: a.conf\noutput: b.conf\n");
    assertEquals(1, duplicate.size());
    assertTrue(duplicate.get(0).startsWith(FILE + ": not valid YAML at line 2"), duplicate.get(0));
    assertTrue(duplicate.get(0).contains("Duplicate field 'output'"), duplicate.get(0));
    assertEquals(List.of(Path.of("k.json") + ": not valid JSON at line 1, column 12"),
        problems(Path.of("k.json"), "{\"output\": }"));
  }

  @Test
  void aListOrScalarAtTheTopIsRefused() {
    assertEquals(1, problems("- output: a\n").size());
  }

  @Test
  void aMissingFileIsAProblemNamingIt() {
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigFile.read(Path.of("/nonexistent/keagen.yaml")));

    assertEquals(List.of("/nonexistent/keagen.yaml: cannot read the config file: no such file or directory"),
        e.problems());
  }
}
