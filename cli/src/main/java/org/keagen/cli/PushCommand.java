package org.keagen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;
import org.keagen.pipeline.Generation;
import org.keagen.pipeline.GenerationOptions;
import org.keagen.pipeline.Generator;
import org.keagen.push.BasicCredentials;
import org.keagen.push.ChannelSettings;
import org.keagen.push.ControlChannelException;
import org.keagen.push.ControlChannels;
import org.keagen.push.ControlEndpoint;
import org.keagen.push.PeerPush;
import org.keagen.push.PushOutcome;
import org.keagen.push.RunningServer;
import org.keagen.push.TlsOptions;
import org.keagen.render.ServerTemplate;
import org.keagen.resolve.SubnetIdHistory;
import org.keagen.snapshot.SnapshotJson;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keagen push}: sends a config to running kea-dhcp4 servers over their control channel
 * ({@code config-test}, {@code config-set}, {@code config-write}, then a {@code config-get}
 * compared with what was sent). HA peers are given in order and the first failure stops the rest.
 * One line per server on stderr; exit 0 when every server runs the config, 1 when any push failed
 * (the failing server keeps its old config), 64 for a usage error.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = {
        "Push a Kea DHCPv4 config to running kea-dhcp4 servers over their control channel: config-test,"
            + " config-set, config-write, then config-get to verify. A config that would drop the control"
            + " socket or hooks the server uses is refused before anything is sent; a failure after config-set"
            + " puts the previous config back.",
        "Endpoints: unix:/run/kea/kea4-ctrl-socket, http://127.0.0.1:8000/ (Kea 2.x control agent or Kea 3.0"
            + " HTTP socket), https://...; name HA peers as NAME=ENDPOINT, in the order to push."},
    exitCodeOnInvalidInput = PushCommand.EXIT_USAGE)
public final class PushCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_ERROR = 1;
  static final int EXIT_USAGE = 64;

  private static final JsonMapper CONFIG_READER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
      .build();

  @Spec
  CommandSpec spec;

  /** What to push: a config file, or a snapshot to generate one from. */
  static final class Input {
    @Option(names = "--config", paramLabel = "FILE", required = true,
        description = "A kea-dhcp4.conf to push, e.g. the output of 'keagen generate'.")
    Path config;

    @Option(names = "--snapshot", paramLabel = "FILE", required = true,
        description = "Generate the config from this snapshot first, then push it.")
    Path snapshot;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--kea-version", paramLabel = "VERSION",
      description = "With --snapshot: the Kea version to render for (2.2, 2.4, 2.6, 3.0); default: the version the"
          + " first server reports.")
  String keaVersion;

  @Option(names = "--template", paramLabel = "FILE",
      description = "With --snapshot: the server skeleton template (default: keagen's).")
  Path template;

  @Option(names = "--to", paramLabel = "[NAME=]ENDPOINT", required = true,
      description = "A server to push to; repeat for HA peers, in order.")
  List<String> targets;

  @Option(names = "--user", paramLabel = "USER", description = "HTTP basic-auth user.")
  String user;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "File holding the basic-auth password (its first line).")
  Path passwordFile;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Environment variable holding the basic-auth password.")
  String passwordEnv;

  @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM CA certificate(s) the HTTPS server must chain to.")
  Path caCertificate;

  @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate, when Kea requires one.")
  Path clientCertificate;

  @Option(names = "--key", paramLabel = "FILE", description = "PEM (PKCS#8) key of the client certificate.")
  Path clientKey;

  @Option(names = "--insecure",
      description = "Do not verify the HTTPS server's certificate or name (testing only).")
  boolean insecure;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Bound on connecting and on each command (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    List<ControlEndpoint> endpoints = endpoints();
    checkUsage();
    // the files first: one that cannot be read stops the push before any server is contacted
    Optional<ObjectNode> config = Optional.empty();
    SnapshotJson.ReadResult snapshot = null;
    ServerTemplate skeleton = ServerTemplate.defaultTemplate();
    try {
      if (input.config != null) {
        config = readConfig(err);
        if (config.isEmpty()) {
          return EXIT_ERROR;
        }
      } else {
        snapshot = readSnapshot();
        if (template != null) {
          skeleton = ServerTemplate.of(template.toString(), readText(template, "the template", "--template"));
        }
      }
    } catch (FindingException e) {
      err.println(e.finding().toLine());
      return fail(err, "nothing was pushed");
    }
    if (snapshot != null && !snapshot.ok()) {
      snapshot.diagnostics().forEach(d -> err.println(d.toLine()));
      return fail(err, "the snapshot has errors; nothing was pushed");
    }
    ChannelSettings settings;
    try {
      settings = settings(err, endpoints);
    } catch (IOException e) {
      return fail(err, e.getMessage());
    }
    List<PeerPush.Target> peers = new ArrayList<>();
    for (ControlEndpoint endpoint : endpoints) {
      try {
        peers.add(new PeerPush.Target(endpoint, ControlChannels.open(endpoint, settings)));
      } catch (ControlChannelException e) {
        return fail(err, "cannot open " + endpoint + ": " + e.getMessage());
      }
    }
    if (input.config == null) {
      config = generate(err, peers.get(0), snapshot, skeleton);
    }
    if (config.isEmpty()) {
      return EXIT_ERROR;
    }
    List<PushOutcome> outcomes = PeerPush.push(peers, config.get());
    outcomes.forEach(o -> err.println("keagen: " + o.toLine()));
    long pushed = outcomes.stream().filter(PushOutcome::ok).count();
    err.println("keagen: pushed to " + pushed + " of " + outcomes.size() + " servers");
    err.flush();
    return pushed == outcomes.size() ? EXIT_OK : EXIT_ERROR;
  }

  private List<ControlEndpoint> endpoints() {
    List<ControlEndpoint> endpoints = new ArrayList<>();
    for (String target : targets) {
      try {
        endpoints.add(ControlEndpoint.parse(target));
      } catch (IllegalArgumentException e) {
        throw usage("--to " + shown(target) + ": " + e.getMessage());
      }
    }
    return endpoints;
  }

  private void checkUsage() {
    if (input.config != null && (keaVersion != null || template != null)) {
      throw usage("--kea-version and --template go with --snapshot; a --config file is pushed as it is");
    }
    if (passwordFile != null && passwordEnv != null) {
      throw usage("give the password once: --password-file or --password-env");
    }
    if ((user == null) != (passwordFile == null && passwordEnv == null)) {
      throw usage(user == null ? "a password needs --user" : "--user needs --password-file or --password-env");
    }
    if ((clientCertificate == null) != (clientKey == null)) {
      throw usage("--cert and --key go together");
    }
    if (timeoutSeconds <= 0) {
      throw usage("--timeout must be a positive number of seconds");
    }
    if (keaVersion != null && KeaVersion.parse(keaVersion).isEmpty()) {
      throw usage("--kea-version " + keaVersion + " is not one of " + KeaVersion.labels());
    }
  }

  private ChannelSettings settings(PrintWriter err, List<ControlEndpoint> endpoints) throws IOException {
    TlsOptions tls = TlsOptions.defaults().withCaCertificate(caCertificate);
    if (clientCertificate != null) {
      tls = tls.withClientCertificate(clientCertificate, clientKey);
    }
    if (insecure) {
      err.println("keagen: warning: --insecure: HTTPS server certificates and names are not verified");
      tls = tls.withoutVerification();
    }
    ChannelSettings settings = ChannelSettings.defaults().withTls(tls).withTimeout(Duration.ofSeconds(timeoutSeconds));
    if (user == null) {
      return settings;
    }
    for (ControlEndpoint endpoint : endpoints) {
      if (!endpoint.isUnix() && !endpoint.isHttps() && !isLoopback(endpoint)) {
        err.println("keagen: warning: the password goes to " + endpoint + " over plain HTTP; use https://");
      }
    }
    return settings.withCredentials(new BasicCredentials(user, password()));
  }

  private String password() throws IOException {
    if (passwordEnv != null) {
      String value = System.getenv(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new IOException("the environment variable " + passwordEnv + " (--password-env) is not set");
      }
      return value;
    }
    List<String> lines;
    try {
      lines = InputFiles.readText(passwordFile).lines().toList();
    } catch (IOException e) {
      throw new IOException("cannot read the password file " + passwordFile + ": " + IoReason.of(e), e);
    }
    if (lines.isEmpty() || lines.get(0).isEmpty()) {
      throw new IOException("the password file " + passwordFile + " is empty");
    }
    return lines.get(0);
  }

  private static boolean isLoopback(ControlEndpoint endpoint) {
    String host = endpoint.uri().getHost();
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  /** The text of an input file, read by {@link InputFiles#readText}. */
  private static String readText(Path file, String what, String option) throws FindingException {
    try {
      return InputFiles.readText(file);
    } catch (IOException e) {
      throw unreadable(file, what, option, e);
    }
  }

  private static FindingException unreadable(Path file, String what, String option, IOException e) {
    return new FindingException(Finding.error(Finding.FILE_UNREADABLE, file.toString(), "cannot read " + what
        + ": " + IoReason.of(e),
        e instanceof InputFiles.NotUtf8Exception ? "save it as UTF-8 text" : "check " + option));
  }

  /** The snapshot's bytes; its reader checks them as UTF-8 and JSON, naming the line or the JSON path. */
  private SnapshotJson.ReadResult readSnapshot() throws FindingException {
    try {
      return SnapshotJson.read(InputFiles.read(input.snapshot), input.snapshot.toString());
    } catch (IOException e) {
      throw unreadable(input.snapshot, "the snapshot", "--snapshot", e);
    }
  }

  private Optional<ObjectNode> readConfig(PrintWriter err) throws FindingException {
    JsonNode root;
    try {
      root = CONFIG_READER.readTree(readText(input.config, "the config", "--config"));
    } catch (JsonProcessingException e) {
      // only the position: the parser's message may quote the text there, which could be a secret
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      fail(err, input.config + " is not valid JSON" + where);
      return Optional.empty();
    }
    if (!(root instanceof ObjectNode object) || !root.path("Dhcp4").isObject()) {
      fail(err, input.config + " is not a kea-dhcp4 config: it needs a top-level \"Dhcp4\" map");
      return Optional.empty();
    }
    return Optional.of(object);
  }

  /** Generates from the snapshot for the first server's Kea version and with its subnet ids. */
  private Optional<ObjectNode> generate(PrintWriter err, PeerPush.Target first, SnapshotJson.ReadResult read,
      ServerTemplate skeleton) {
    List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
    RunningServer server;
    try {
      server = RunningServer.read(first.channel());
    } catch (ControlChannelException e) {
      fail(err, "cannot read the running server " + first.endpoint() + ": " + e.getMessage() + "; nothing was pushed");
      return Optional.empty();
    }
    Optional<KeaVersion> version = KeaVersion.parse(keaVersion != null ? keaVersion : server.version());
    if (version.isEmpty()) {
      fail(err, first.endpoint() + " runs Kea " + server.version() + "; keagen renders for " + KeaVersion.labels()
          + ": pass --kea-version");
      return Optional.empty();
    }
    SubnetIdHistory.ReadResult ids = SubnetIdHistory.fromKeaConfig(server.config().toString(),
        "the running config of " + first.endpoint());
    diagnostics.addAll(ids.diagnostics());
    Generation generation = Generator.run(read.snapshot(), GenerationOptions.defaults()
        .withSubnetIds(ids.history()).withServerTemplate(skeleton).withKeaVersion(version.get()));
    diagnostics.addAll(generation.diagnostics());
    diagnostics.forEach(d -> err.println(d.toLine()));
    if (!generation.ok() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      fail(err, "generation failed; nothing was pushed");
      return Optional.empty();
    }
    try {
      return Optional.of((ObjectNode) CONFIG_READER.readTree(generation.configText()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("keagen produced a config that is not JSON", e);
    }
  }

  /** An endpoint argument for a message: anything that looks like credentials is cut out. */
  private static String shown(String target) {
    int at = target.indexOf('@');
    int scheme = target.indexOf("://");
    return at > 0 && scheme > 0 && at > scheme ? target.substring(0, scheme + 3) + "<credentials>"
        + target.substring(at) : target;
  }

  private static int fail(PrintWriter err, String line) {
    err.println("keagen: " + line);
    err.flush();
    return EXIT_ERROR;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
