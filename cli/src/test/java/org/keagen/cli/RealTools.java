package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * For the integration tests that drive real tools (pre-commit, ansible-playbook, bash) against the
 * packaged {@code keagen.jar}: where the tools and the jar are, a {@code keagen} wrapper to put on
 * PATH, and a bounded process runner. A missing tool skips the test loudly, on stderr too.
 */
final class RealTools {
  private RealTools() {}

  /** Where the repository is (set by Maven); its README, examples and the packaged jar. */
  static Path repoDir() {
    String dir = System.getProperty("keagen.repo.dir");
    return dir == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(dir);
  }

  static String readme() {
    try {
      return Files.readString(repoDir().resolve("README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shaded jar 'mvn package' built; these tests run after it (failsafe). */
  static Path jar() {
    Path jar = repoDir().resolve("cli/target/keagen.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run the integration tests with 'mvn verify'");
    return jar;
  }

  /** The virtualenv scripts/install-tool-deps.sh fills. */
  static Path toolsBin() {
    String dir = System.getenv("KEAGEN_TOOLS_DIR");
    return Path.of(dir == null || dir.isEmpty() ? "/var/tmp/keagen-tools" : dir).resolve("venv/bin");
  }

  /** The tool from the tools virtualenv, else from PATH; skips the test, loudly, when there is none. */
  static Path require(String tool) {
    Optional<Path> found = Optional.of(toolsBin().resolve(tool)).filter(Files::isExecutable)
        .or(() -> onPath(tool));
    if (found.isEmpty()) {
      String message = "SKIPPED: " + tool + " is not installed; run scripts/install-tool-deps.sh (scripts/test.sh"
          + " does) to install it into " + toolsBin().getParent();
      System.err.println("keagen tests: " + message);
      assumeTrue(false, message);
    }
    return found.get();
  }

  private static Optional<Path> onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Writes an executable {@code name} in {@code dir} that runs this build's jar with its arguments. */
  static Path keagenWrapper(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path wrapper = dir.resolve(name);
    Files.writeString(wrapper, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -jar '" + jar()
        + "' \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    return wrapper;
  }

  /** A finished process: its exit code and its stdout and stderr, interleaved. */
  record Result(int exit, String output) {}

  /**
   * Runs {@code command} in {@code dir} with the environment {@code PATH}, {@code HOME}, {@code
   * LANG} and {@code extra}, for at most {@code minutes}.
   */
  static Result run(Path dir, List<Path> pathDirs, Path home, Map<String, String> extra, int minutes,
      String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    Map<String, String> kept = new HashMap<>();
    for (String name : List.of("JAVA_HOME", "TMPDIR")) {
      if (System.getenv(name) != null) {
        kept.put(name, System.getenv(name));
      }
    }
    env.clear();
    env.putAll(kept);
    List<String> path = new ArrayList<>();
    pathDirs.forEach(p -> path.add(p.toString()));
    path.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
    env.put("PATH", String.join(":", path));
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("LC_ALL", "C.UTF-8");
    env.putAll(extra);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
      try {
        return process.getInputStream().readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in " + minutes + " minutes");
    }
    return new Result(process.exitValue(), new String(output.join(), StandardCharsets.UTF_8));
  }
}
