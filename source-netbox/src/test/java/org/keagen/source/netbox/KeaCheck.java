package org.keagen.source.netbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code kea-dhcp4 -t} on a config, as generator-core will once it has its own helper:
 * on a copy whose {@code interfaces-config.interfaces} is {@code []} (Kea checks interface names
 * against the machine it runs on), with pid and lock files in a temporary directory.
 */
final class KeaCheck {

  /** The outcome: exit code and everything Kea printed. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private KeaCheck() {}

  /** The {@code kea-dhcp4} binary, or {@code null} when none is installed. */
  static Path binary() {
    for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/opt/kea/sbin")) {
      Path candidate = Path.of(dir, "kea-dhcp4");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  static Result check(String configText) throws IOException, InterruptedException {
    Path binary = binary();
    if (binary == null) {
      throw new IllegalStateException("kea-dhcp4 is not installed");
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode config = (ObjectNode) mapper.readTree(configText);
    config.withObject("/Dhcp4/interfaces-config").putArray("interfaces");
    Path dir = Files.createTempDirectory("keagen-kea-check");
    try {
      Path file = dir.resolve("kea-dhcp4.conf");
      Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(config));
      ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-t", file.toString())
          .redirectErrorStream(true);
      builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
      builder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
      builder.environment().put("KEA_LOGGER_DESTINATION", "stdout");
      Process process = builder.start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kea-dhcp4 -t did not finish in 60 s");
      }
      return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
