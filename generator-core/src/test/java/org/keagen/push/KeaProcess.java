package org.keagen.push;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real Kea daemon started by a test (kea-dhcp4 or kea-ctrl-agent) with its files in one
 * directory, stopped on {@link #close()}. Every wait is bounded.
 */
public final class KeaProcess implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  static final String INSTALL_HINT = "run scripts/install-e2e-deps.sh";

  private final String what;
  private final Process process;
  private final Path log;

  private KeaProcess(String what, Process process, Path log) {
    this.what = what;
    this.process = process;
    this.log = log;
  }

  /** Where an executable is: on PATH, or in Debian's sbin directories that a non-root PATH lacks. */
  public static Optional<Path> executable(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
    return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
  }

  /** What of kea-dhcp4 (and, when asked, kea-ctrl-agent) is missing here, for a skip message. */
  public static Optional<String> missing(boolean needAgent) {
    List<String> missing = new ArrayList<>();
    if (executable("kea-dhcp4").isEmpty()) {
      missing.add("kea-dhcp4 (Debian package kea-dhcp4-server)");
    }
    if (needAgent && executable("kea-ctrl-agent").isEmpty()) {
      missing.add("kea-ctrl-agent (Debian package kea-ctrl-agent)");
    }
    if (hooksDirectory().isEmpty()) {
      missing.add("Kea's hook libraries (libdhcp_lease_cmds.so)");
    }
    return missing.isEmpty() ? Optional.empty()
        : Optional.of(String.join(", ", missing) + " not installed; " + INSTALL_HINT);
  }

  /** The directory holding Kea's hook libraries. */
  public static Optional<Path> hooksDirectory() {
    List<Path> candidates = new ArrayList<>();
    try (var lib = Files.list(Path.of("/usr/lib"))) {
      lib.map(p -> p.resolve("kea/hooks")).forEach(candidates::add);
    } catch (IOException e) {
      // no /usr/lib: only the fixed candidates below
    }
    candidates.add(Path.of("/usr/lib/kea/hooks"));
    candidates.add(Path.of("/usr/local/lib/kea/hooks"));
    return candidates.stream().filter(p -> Files.isRegularFile(p.resolve("libdhcp_lease_cmds.so"))).findFirst();
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts kea-dhcp4 on {@code configFile} in working directory {@code dir}, optionally inside a
   * network namespace, and waits until its control socket answers.
   */
  public static KeaProcess startDhcp4(Path dir, Path configFile, Path socket, String netns)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (netns != null) {
      command.addAll(List.of("ip", "netns", "exec", netns));
    }
    command.add(executable("kea-dhcp4").orElseThrow().toString());
    command.addAll(List.of("-c", configFile.toString()));
    KeaProcess kea = start("kea-dhcp4", dir, command);
    UnixSocketChannel channel = UnixSocketChannel.of(socket, Duration.ofSeconds(2));
    kea.awaitReady(() -> {
      try {
        return Files.exists(socket) && channel.send(ControlCommand.configGet()).ok();
      } catch (ControlChannelException e) {
        return false;
      }
    });
    return kea;
  }

  /** Starts kea-ctrl-agent on {@code configFile} and waits until it accepts connections on {@code port}. */
  public static KeaProcess startControlAgent(Path dir, Path configFile, int port)
      throws IOException, InterruptedException {
    List<String> command = List.of(executable("kea-ctrl-agent").orElseThrow().toString(), "-c", configFile.toString());
    KeaProcess agent = start("kea-ctrl-agent", dir, command);
    agent.awaitReady(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return true;
      } catch (IOException e) {
        return false;
      }
    });
    return agent;
  }

  private static KeaProcess start(String what, Path dir, List<String> command) throws IOException {
    Path log = dir.resolve(what + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.directory(dir.toFile());
    builder.environment().put("KEA_PIDFILE_DIR", dir.toString());
    builder.environment().put("KEA_LOCKFILE_DIR", "none");
    return new KeaProcess(what, builder.start(), log);
  }

  private void awaitReady(BooleanSupplier ready) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(what + " exited with " + process.exitValue() + " while starting:\n" + log());
      }
      if (ready.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    close();
    throw new IllegalStateException(what + " did not become ready within " + START_TIMEOUT.toSeconds() + " s:\n"
        + log());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The daemon's output so far. */
  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** Stops the daemon: SIGTERM, then SIGKILL after five seconds. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
