package org.keagen.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.kea.KeaVersion;
import org.keagen.json.CanonicalJson;
import org.keagen.snapshot.SnapshotJson;

/**
 * Runs the real {@code kea-dhcp4 -t} on a config text, independently of the host it runs on.
 *
 * <p>Kea 2.2's {@code -t} fails on interface names the local machine lacks, so the check runs on a
 * copy whose {@code Dhcp4.interfaces-config.interfaces} is {@code []}. Measured on Kea 2.2.0
 * (strace), {@code -t} opens only the config and the hook libraries: not the lease file, the
 * control socket, the logger outputs, the pid or lock file. So no path is rewritten (Kea 2.4.2+
 * would reject paths moved out of its allowed directories anyway); the run still happens in a
 * fresh temporary directory, which is the working directory and {@code KEA_PIDFILE_DIR} and {@code
 * KEA_LOCKFILE_DIR}, and which is deleted afterwards. A run that exceeds the time limit is killed
 * and counts as a rejection.
 */
public final class KeaCheck {
  /** The binary's name on the {@code PATH}. */
  public static final String BINARY = "kea-dhcp4";
  /** Where Debian installs it; often not on a non-root user's {@code PATH}. */
  public static final Path DEBIAN_BINARY = Path.of("/usr/sbin/kea-dhcp4");
  /** The checked copy's file name, as Kea's messages name it. */
  static final String CONFIG_NAME = "kea-dhcp4.conf";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_OUTPUT_CHARS = 64 * 1024;
  private static final String OUTPUT_NAME = "kea-output.txt";

  private final Path binary;
  private final Duration timeout;

  private KeaCheck(Path binary, Duration timeout) {
    this.binary = Objects.requireNonNull(binary, "binary");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }

  /** The {@code kea-dhcp4} on the {@code PATH}, else {@code /usr/sbin/kea-dhcp4}, if executable. */
  public static Optional<KeaCheck> find() {
    return find(System.getenv("PATH"), DEBIAN_BINARY);
  }

  static Optional<KeaCheck> find(String searchPath, Path fallback) {
    Stream<Path> onPath = searchPath == null ? Stream.empty()
        : Stream.of(searchPath.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir, BINARY));
    return Stream.concat(onPath, Stream.of(fallback))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst()
        .map(KeaCheck::at);
  }

  /** A check with the given binary (not verified until {@link #check} runs it). */
  public static KeaCheck at(Path binary) {
    return new KeaCheck(binary.toAbsolutePath(), DEFAULT_TIMEOUT);
  }

  /** The same check with another time limit. */
  public KeaCheck withTimeout(Duration limit) {
    return new KeaCheck(binary, limit);
  }

  public Path binary() {
    return binary;
  }

  /** The Kea version the binary reports with {@code -v}, or empty when it cannot be run or is not one keagen targets. */
  public Optional<KeaVersion> version() {
    try {
      Process process = new ProcessBuilder(binary.toString(), "-v").redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      String output = new String(process.getInputStream().readNBytes(256), StandardCharsets.UTF_8);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        return Optional.empty();
      }
      return output.lines().findFirst().flatMap(KeaVersion::parse);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Kea's verdict on a config.
   *
   * @param accepted true when {@code kea-dhcp4 -t} exited with status 0
   * @param output what Kea printed (stdout and stderr interleaved), or why it could not run
   */
  public record Result(boolean accepted, String output) {
    public Result {
      Objects.requireNonNull(output, "output");
    }

    /** Kea's own reason: its {@code Error encountered} line, else its last ERROR line, else the last line. */
    public String reason() {
      List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      return lines.stream().filter(l -> l.startsWith("Error encountered:"))
          .map(l -> l.substring("Error encountered:".length()).strip()).reduce((a, b) -> b)
          .or(() -> lines.stream().filter(l -> l.contains(" ERROR ")).reduce((a, b) -> b))
          .or(() -> lines.stream().reduce((a, b) -> b))
          .orElse("no output");
    }

    /** A {@code kea-rejected} error about {@code object} when Kea rejected the config, else empty. */
    public Optional<Diagnostic> toDiagnostic(String object) {
      if (accepted) {
        return Optional.empty();
      }
      return Optional.of(Diagnostic.error(DiagnosticCode.KEA_REJECTED, object,
          "kea-dhcp4 -t rejects the config: " + reason(),
          "correct the source data or the server template; positions refer to the checked copy "
              + CONFIG_NAME + ", whose interfaces list is emptied"));
    }
  }

  /** Checks {@code configText} with {@code kea-dhcp4 -t}; never throws for Kea's or the run's failures. */
  public Result check(String configText) {
    Path dir;
    try {
      dir = Files.createTempDirectory("keagen-kea-check-");
    } catch (IOException e) {
      return new Result(false, "could not create a temporary directory for kea-dhcp4 -t: " + e.getMessage());
    }
    try {
      return run(dir, withoutInterfaces(configText));
    } finally {
      deleteTree(dir);
    }
  }

  private Result run(Path dir, String configText) {
    Path output = dir.resolve(OUTPUT_NAME);
    Process process;
    try {
      Files.writeString(dir.resolve(CONFIG_NAME), configText, StandardCharsets.UTF_8);
      ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-t", CONFIG_NAME)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
      builder.environment().put("KEA_LOCKFILE_DIR", dir.toString());
      process = builder.start();
    } catch (IOException e) {
      return new Result(false, "could not run " + binary + ": " + e.getMessage());
    }
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted while waiting for " + binary + " -t");
    }
    if (!finished) {
      kill(process);
      return new Result(false, readOutput(output) + "\n" + binary + " -t did not finish within "
          + timeout.toMillis() + " ms and was killed");
    }
    return new Result(process.exitValue() == 0, readOutput(output));
  }

  /**
   * A copy of the config whose {@code interfaces-config.interfaces} is empty. Text that is not a
   * JSON object with a {@code Dhcp4} object is passed on as it is, for Kea to judge.
   */
  static String withoutInterfaces(String configText) {
    ObjectMapper mapper = SnapshotJson.newMapper();
    // Kea's parser allows comments of all three kinds
    mapper.getFactory().enable(JsonParser.Feature.ALLOW_COMMENTS);
    mapper.getFactory().enable(JsonParser.Feature.ALLOW_YAML_COMMENTS);
    JsonNode root;
    try {
      root = mapper.readTree(configText);
    } catch (IOException e) {
      return configText;
    }
    if (root == null || !root.path("Dhcp4").isObject()) {
      return configText;
    }
    JsonNode interfaces = root.path("Dhcp4").path("interfaces-config");
    if (!interfaces.isObject()) {
      return configText;
    }
    ((ObjectNode) interfaces).putArray("interfaces");
    return CanonicalJson.write(root);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String readOutput(Path output) {
    try {
      String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
      return text.length() <= MAX_OUTPUT_CHARS ? text
          : text.substring(0, MAX_OUTPUT_CHARS) + "\n[output truncated]";
    } catch (IOException e) {
      return "[kea-dhcp4 output unreadable: " + e.getMessage() + "]";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a leftover directory under the system temp dir is harmless
    }
  }
}
