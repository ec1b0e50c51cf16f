package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.render.ServerTemplate;
import org.keagen.snapshot.SnapshotJson;

/**
 * keagen-generated configs for tests against a real Kea 2.2: the test snapshot (one /24 in
 * 192.0.2.0/24 with a pool, a MAC reservation with a ZTP URL in option 239 and a client-id
 * reservation) rendered into a server skeleton whose paths are the test's own.
 */
public final class TestConfigs {
  static final String SNAPSHOT = "/org/keagen/push/e2e-snapshot.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TestConfigs() {}

  /**
   * The server skeleton: given interfaces, control socket (a relative name is bound in the
   * server's working directory, so peers on one machine can share one config), the lease-commands
   * hook, no lease file.
   */
  public static ServerTemplate skeleton(String socket, List<String> interfaces, Path hooks) {
    String names = interfaces.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", "));
    String text = "{\"Dhcp4\": {\n"
        + "  \"interfaces-config\": {\"interfaces\": [" + names + "]},\n"
        + "  \"control-socket\": {\"socket-type\": \"unix\", \"socket-name\": \"" + socket + "\"},\n"
        + "  \"lease-database\": {\"type\": \"memfile\", \"persist\": false},\n"
        + "  \"hooks-libraries\": [{\"library\": \"" + hooks.resolve("libdhcp_lease_cmds.so") + "\"}],\n"
        + "  \"valid-lifetime\": 600, \"renew-timer\": 300, \"rebind-timer\": 525,\n"
        + "  \"loggers\": [{\"name\": \"kea-dhcp4\", \"output_options\": [{\"output\": \"stdout\"}],"
        + " \"severity\": \"INFO\"}]\n"
        + "}}\n";
    return ServerTemplate.of("test skeleton", text);
  }

  /** The test snapshot rendered for Kea 2.2 into {@link #skeleton}. */
  public static ObjectNode generated(String socket, List<String> interfaces, Path hooks) throws IOException {
    String snapshot;
    try (InputStream in = TestConfigs.class.getResourceAsStream(SNAPSHOT)) {
      snapshot = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SnapshotJson.ReadResult read = SnapshotJson.read(snapshot, SNAPSHOT);
    assertTrue(read.ok(), () -> "the test snapshot does not read: " + read.diagnostics());
    Generation generation = Generator.run(read.snapshot(), GenerationOptions.defaults()
        .withKeaVersion(KeaVersion.V2_2)
        .withServerTemplate(skeleton(socket, interfaces, hooks)));
    assertTrue(generation.ok(), () -> "the test snapshot does not generate: " + generation.diagnostics());
    return (ObjectNode) MAPPER.readTree(generation.configText());
  }
}
