package org.keagen.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.keagen.cli.config.ConfigException;
import org.keagen.cli.config.ConfigFile;
import org.keagen.cli.config.KeagenConfig;
import org.keagen.cli.source.ApiToken;
import org.keagen.cli.source.Fetched;
import org.keagen.cli.source.SnapshotProvider;
import org.keagen.cli.source.SourceUnavailableException;
import org.keagen.cli.source.SourceKind;
import org.keagen.cli.source.SourceSettings;
import org.keagen.snapshot.Snapshot;
import org.keagen.snapshot.SnapshotFilter;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options {@code generate} and {@code snapshot} share: the config file, the source and its
 * settings, the filters and the output format. A command-line option overrides the config file's
 * key; both missing means keagen's default.
 */
final class SourceOptions {
  /** The variable naming the config file when {@code --config} is not given. */
  static final String CONFIG_VARIABLE = "KEAGEN_CONFIG";

  @Option(names = "--config", paramLabel = "FILE", order = 1,
      description = "Config file (YAML, or JSON when named *.json) holding the settings below; default:"
          + " $KEAGEN_CONFIG. Paths in it are relative to its directory; options given here override it.")
  Path config;

  @Option(names = "--source", paramLabel = "KIND", order = 2,
      description = "Source of truth: ${COMPLETION-CANDIDATES} (default: snapshot).")
  SourceKind source;

  @Option(names = "--snapshot", paramLabel = "FILE", order = 3,
      description = "The snapshot file to read (--source snapshot).")
  Path snapshot;

  @Option(names = "--url", paramLabel = "URL", order = 4, description = "NetBox or Nautobot base URL.")
  String url;

  @Option(names = "--token-file", paramLabel = "FILE", order = 5,
      description = "File holding the API token (first line); default: $NETBOX_TOKEN or $NAUTOBOT_TOKEN.")
  Path tokenFile;

  @Option(names = "--subnet-tag", paramLabel = "TAG", order = 6, description = "Tag of DHCP prefixes (dhcp-subnet).")
  String subnetTag;

  @Option(names = "--pool-tag", paramLabel = "TAG", order = 7, description = "Tag of pool addresses (dhcp-pool).")
  String poolTag;

  @Option(names = "--reserve-tag", paramLabel = "TAG", order = 8,
      description = "Tag of reserved addresses (dhcp-reserve).")
  String reserveTag;

  @Option(names = "--gateway-field", paramLabel = "NAME", order = 9,
      description = "Prefix custom field holding the gateway.")
  String gatewayField;

  @Option(names = "--subnet-id-field", paramLabel = "NAME", order = 10,
      description = "Prefix custom field holding an explicit Kea subnet id.")
  String subnetIdField;

  @Option(names = "--ztp-field", paramLabel = "NAME", order = 11,
      description = "Device custom field holding the ZTP flag.")
  String ztpField;

  @Option(names = "--interface-role-field", paramLabel = "NAME", order = 12,
      description = "Interface custom field holding the interface role (NetBox).")
  String interfaceRoleField;

  @Option(names = "--gateway-relationship", paramLabel = "KEY", order = 13,
      description = "Nautobot relationship from a prefix to its gateway address.")
  String gatewayRelationship;

  @Option(names = "--page-size", paramLabel = "N", order = 14, description = "Objects per API request.")
  Integer pageSize;

  @Option(names = "--parallelism", paramLabel = "N", order = 15, description = "API requests in flight at once.")
  Integer parallelism;

  @Option(names = "--insecure", order = 16, negatable = true,
      description = "Do not verify the server's TLS certificate (testing only).")
  Boolean insecure;

  @Option(names = "--location", paramLabel = "NAME", order = 17,
      description = "Keep only prefixes of this location or site (repeatable), and the addresses in them.")
  List<String> locations;

  @Option(names = "--vrf", paramLabel = "NAME", order = 18, description = "Keep only prefixes of this VRF (repeatable).")
  List<String> vrfs;

  @Option(names = "--tenant", paramLabel = "NAME", order = 19,
      description = "Keep only prefixes of this tenant (repeatable).")
  List<String> tenants;

  @Option(names = "--output-format", paramLabel = "FORMAT", order = 40,
      description = "Diagnostics on stderr: human (one line each) or json (one JSON object per finding, then a"
          + " summary object); default: human.")
  OutputFormat outputFormat;

  /** The format asked for; findings printed before the command line is understood use the raw args. */
  OutputFormat format() {
    return outputFormat == null ? OutputFormat.human : outputFormat;
  }

  /** The config file named by {@code --config} or {@code KEAGEN_CONFIG}, read; else the empty config. */
  KeagenConfig loadConfig(CliEnvironment env, CommandLine commandLine) {
    Path file = config;
    if (file == null && env.variable(CONFIG_VARIABLE) != null) {
      file = Path.of(env.variable(CONFIG_VARIABLE));
    }
    if (file == null) {
      return KeagenConfig.empty();
    }
    try {
      return ConfigFile.read(file);
    } catch (ConfigException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
  }

  /** The filter: each dimension given on the command line replaces the config file's. */
  SnapshotFilter filter(KeagenConfig file) {
    return SnapshotFilter.of(pick(locations, file.filter().location()), pick(vrfs, file.filter().vrf()),
        pick(tenants, file.filter().tenant()));
  }

  /**
   * The source settings of this run.
   *
   * @throws CommandLine.ParameterException for a missing or malformed setting (exit 64)
   * @throws FindingException when the token file cannot be read (exit 1)
   */
  SourceSettings settings(KeagenConfig file, CliEnvironment env, CommandLine commandLine) throws FindingException {
    SourceKind kind = source != null ? source : file.source() != null ? file.source() : SourceKind.snapshot;
    SnapshotFilter filter = filter(file);
    if (kind == SourceKind.snapshot) {
      Path path = snapshot != null ? snapshot : file.snapshot();
      if (path == null) {
        throw new CommandLine.ParameterException(commandLine,
            "Missing required option: '--snapshot=FILE' (with --source snapshot; or 'snapshot' in the config file)");
      }
      return SourceSettings.snapshot(path, filter);
    }
    String base = checkedUrl(kind, url != null ? url : file.url(), commandLine);
    SourceSettings.Tags tags = new SourceSettings.Tags(
        tag(subnetTag, file.tags().subnet(), "--subnet-tag", commandLine),
        tag(poolTag, file.tags().pool(), "--pool-tag", commandLine),
        tag(reserveTag, file.tags().reserve(), "--reserve-tag", commandLine));
    SourceSettings.CustomFields fields = new SourceSettings.CustomFields(
        field(gatewayField, file.customFields().gateway(), "--gateway-field", commandLine),
        field(subnetIdField, file.customFields().subnetId(), "--subnet-id-field", commandLine),
        field(ztpField, file.customFields().ztpEnabled(), "--ztp-field", commandLine),
        field(interfaceRoleField, file.customFields().interfaceRole(), "--interface-role-field", commandLine));
    String relationship = field(gatewayRelationship, file.gatewayRelationship(), "--gateway-relationship",
        commandLine);
    Integer pages = bounded(pageSize, file.pageSize(), "--page-size", 1, 100_000, commandLine);
    Integer parallel = bounded(parallelism, file.parallelism(), "--parallelism", 1, 64, commandLine);
    boolean skipTls = insecure != null ? insecure : Boolean.TRUE.equals(file.insecure());
    ApiToken token = token(kind, file, env, commandLine);
    return new SourceSettings(kind, null, base, token, tags, fields, relationship, pages, parallel, skipTls, filter);
  }

  /**
   * Opens the source and fetches its snapshot, filtered; every finding goes to {@code reporter}.
   *
   * @return the snapshot, or {@code null} when there were errors (already reported)
   * @throws CommandLine.ParameterException when this build cannot read that source (exit 64)
   */
  static Snapshot fetch(SourceSettings settings, CliEnvironment env, CommandLine commandLine, Reporter reporter) {
    SnapshotProvider provider;
    try {
      provider = env.sources().open(settings);
    } catch (SourceUnavailableException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    Fetched fetched = provider.fetch();
    reporter.reportAll(fetched.diagnostics());
    if (fetched.failure() != null) {
      reporter.report(Finding.of(fetched.failure()));
    }
    return fetched.ok() ? settings.filter().apply(fetched.snapshot()) : null;
  }

  private static String checkedUrl(SourceKind kind, String value, CommandLine commandLine) {
    if (value == null) {
      throw new CommandLine.ParameterException(commandLine,
          "--source " + kind + " needs --url URL (or 'url' in the config file)");
    }
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(commandLine, "--url: not a URL (expected https://HOST[/PATH])");
    }
    if (uri.getRawUserInfo() != null) {
      // the value is not echoed: it holds credentials
      throw new CommandLine.ParameterException(commandLine, "--url: the URL carries credentials; give the token"
          + " with --token-file or " + kind.tokenVariable() + " instead");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new CommandLine.ParameterException(commandLine, "--url " + value + ": expected http:// or https://"
          + " followed by the server's host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new CommandLine.ParameterException(commandLine, "--url " + uri.getScheme() + "://" + uri.getHost()
          + "...: the base URL has no query or fragment");
    }
    return value.trim();
  }

  private ApiToken token(SourceKind kind, KeagenConfig file, CliEnvironment env, CommandLine commandLine)
      throws FindingException {
    Path path = tokenFile != null ? tokenFile : file.tokenFile();
    if (path != null) {
      String origin = "the token file " + path;
      List<String> lines;
      try {
        lines = InputFiles.readText(path).lines().toList();
      } catch (IOException e) {
        throw new FindingException(Finding.error(Finding.FILE_UNREADABLE, path.toString(),
            "cannot read the token file: " + IoReason.of(e), "check --token-file or 'token-file' in the config file"));
      }
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        throw new FindingException(Finding.error(Finding.FILE_UNREADABLE, path.toString(),
            "the token file is empty", "put the API token on its first line"));
      }
      return ApiToken.of(origin, lines.get(0).trim());
    }
    String variable = kind.tokenVariable();
    String value = env.variable(variable);
    if (value == null || value.isBlank()) {
      throw new CommandLine.ParameterException(commandLine, "--source " + kind + " needs an API token: set "
          + variable + " or give --token-file FILE (or 'token-file' in the config file)");
    }
    return ApiToken.of("$" + variable, value.trim());
  }

  private static String tag(String flag, String fromFile, String option, CommandLine commandLine) {
    if (flag == null) {
      return fromFile;
    }
    if (flag.isBlank() || flag.chars().anyMatch(Character::isISOControl)) {
      throw new CommandLine.ParameterException(commandLine, option + ": expected a tag name");
    }
    return flag;
  }

  private static String field(String flag, String fromFile, String option, CommandLine commandLine) {
    if (flag == null) {
      return fromFile;
    }
    if (!flag.isEmpty() && !flag.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new CommandLine.ParameterException(commandLine,
          option + ": expected a field name (letters, digits, '_'), or '' for none");
    }
    return flag;
  }

  private static Integer bounded(Integer flag, Integer fromFile, String option, int min, int max,
      CommandLine commandLine) {
    if (flag == null) {
      return fromFile;
    }
    if (flag < min || flag > max) {
      throw new CommandLine.ParameterException(commandLine, option + ": expected " + min + " to " + max);
    }
    return flag;
  }

  private static List<String> pick(List<String> flag, List<String> fromFile) {
    return flag != null && !flag.isEmpty() ? flag : fromFile;
  }
}
