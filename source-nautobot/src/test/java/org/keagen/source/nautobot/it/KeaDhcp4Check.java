package org.keagen.source.nautobot.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code kea-dhcp4 -t} on a Kea config: on a copy whose {@code
 * Dhcp4.interfaces-config.interfaces} is {@code []} (the checking host lacks the DHCP server's
 * interfaces), with {@code KEA_PIDFILE_DIR} and {@code KEA_LOCKFILE_DIR} in a temporary folder.
 * A small test helper until generator-core has one.
 */
final class KeaDhcp4Check {
  private KeaDhcp4Check() {}

  /** The binary, or {@code null} when it is not installed. */
  static Path binary() {
    for (String dir : (System.getenv("PATH") + File.pathSeparator + "/usr/sbin:/usr/local/sbin").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "kea-dhcp4");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The result of one check: exit code and output. */
  record Result(int exitCode, String output) {
    boolean accepted() {
      return exitCode == 0;
    }
  }

  static Result check(Path binary, String configText) throws IOException, InterruptedException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode config = (ObjectNode) mapper.readTree(configText);
    ((ObjectNode) config.path("Dhcp4").path("interfaces-config")).set("interfaces", mapper.createArrayNode());
    Path dir = Files.createTempDirectory("keagen-kea-check");
    try {
      Path file = dir.resolve("kea-dhcp4.conf");
      Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(config));
      ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-t", file.toString()).redirectErrorStream(true);
      builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
      builder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, output + "\n(timed out)");
      }
      return new Result(process.exitValue(), output);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
