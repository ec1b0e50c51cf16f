package org.keagen.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.keagen.concurrent.Background;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.kea.KeaVersion;

/**
 * Validates a Kea DHCPv4 config whose top-level {@code subnet4} and {@code reservations} entries
 * are handed over one at a time after the rest of it, with the findings {@link KeaConfigValidator}
 * gives for the whole tree: a generated config at scale never has to exist as one tree. The semantic
 * rules are checked on a second thread, the schema on whichever of the two has less to do (its
 * findings are sorted, so it does not matter where); an entry handed over must not be changed
 * afterwards. One caller thread at a time.
 */
public final class ConfigValidation {
  /** Entries checked and handed over together: the schema's and the hand-over's cost per run is shared. */
  private static final int RUN = 256;
  /** Runs on their way to the rules: enough to keep both threads busy, few enough to stay young. */
  private static final int QUEUED_AT_MOST = 4;
  private static final Run END = new Run(false, List.of(), null, 0);

  private final KeaSchemas.Findings schema;
  /** The schema's findings for the runs the second thread checks. */
  private final KeaSchemas.Findings schemaAside;
  private final List<Diagnostic> outOfRange = new ArrayList<>();
  private final BlockingQueue<Run> toRules = new ArrayBlockingQueue<>(QUEUED_AT_MOST);
  private final Background<List<Diagnostic>> rules;
  private final Pending reservations;
  private final Pending subnets;

  /**
   * Consecutive entries of {@code subnet4} or of {@code reservations}; with {@code key}, those the
   * second thread checks against the schema, from index {@code first} of that key's array on.
   */
  private record Run(boolean subnets, List<JsonNode> entries, String key, int first) {}

  /** The entries of one array handed over and not yet checked; {@code checked} before them. */
  private final class Pending {
    private final String key;
    private final boolean subnets;
    private int checked;
    private List<JsonNode> entries = new ArrayList<>(RUN);

    Pending(String key, boolean subnets, int checked) {
      this.key = key;
      this.subnets = subnets;
      this.checked = checked;
    }

    void add(JsonNode entry) {
      entries.add(entry);
      if (entries.size() == RUN) {
        flush();
      }
    }

    void flush() {
      if (entries.isEmpty()) {
        return;
      }
      // the second thread checks the schema too while it keeps up with the runs, this one while it does not
      boolean aside = toRules.isEmpty();
      if (!aside) {
        schema.checkEntries(key, checked, entries);
      }
      handOver(new Run(subnets, entries, aside ? key : null, checked));
      for (JsonNode entry : entries) {
        KeaConfigValidator.outOfRangeIntegers(entry, () -> "$.Dhcp4." + key + "[" + checked + "]", outOfRange);
        checked++;
      }
      entries = new ArrayList<>(RUN);
    }
  }

  private ConfigValidation(JsonNode config, KeaVersion version) {
    JsonNode dhcp4 = config.get("Dhcp4");
    schema = new KeaSchemas.Findings(version);
    schemaAside = new KeaSchemas.Findings(version);
    rules = Background.start("semantic-rules", () -> {
      SemanticRules semantic = null;
      RuntimeException failed = null;
      try {
        semantic = SemanticRules.start(dhcp4, version);
      } catch (RuntimeException e) {
        failed = e;
      }
      try {
        // after a failure the queue is still drained, so that the caller is never left waiting on it
        for (Run run = toRules.take(); run != END; run = toRules.take()) {
          try {
            if (failed == null && run.key() != null) {
              schemaAside.checkEntries(run.key(), run.first(), run.entries());
            }
            for (JsonNode entry : failed == null ? run.entries() : List.<JsonNode>of()) {
              if (run.subnets()) {
                semantic.subnet(entry);
              } else {
                semantic.reservation(entry);
              }
            }
          } catch (RuntimeException e) {
            failed = e;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking the semantic rules", e);
      }
      if (failed != null) {
        throw failed;
      }
      return semantic.finish();
    });
    schema.check(config);
    KeaConfigValidator.outOfRangeIntegers(config, () -> "$", outOfRange);
    reservations = new Pending("reservations", false, dhcp4.path("reservations").size());
    subnets = new Pending("subnet4", true, dhcp4.path("subnet4").size());
  }

  /**
   * Starts validating {@code config}, a {@code {"Dhcp4": {...}}} tree whose {@code Dhcp4} is an
   * object: its top-level {@code subnet4} and {@code reservations} arrays hold the entries that come
   * before those handed over later (usually none).
   */
  public static ConfigValidation start(JsonNode config, KeaVersion version) {
    if (!config.path("Dhcp4").isObject()) {
      throw new IllegalArgumentException("not a {\"Dhcp4\": {...}} config");
    }
    return new ConfigValidation(config, version);
  }

  /** Validates one more entry of {@code Dhcp4.reservations}. */
  public void reservation(JsonNode reservation) {
    reservations.add(reservation);
  }

  /** Validates one more entry of {@code Dhcp4.subnet4}. */
  public void subnet(JsonNode subnet) {
    subnets.add(subnet);
  }

  private void handOver(Run run) {
    try {
      toRules.put(run);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating", e);
    }
  }

  /**
   * Every finding. Structure comes first: when the schema finds errors, only they are reported (with
   * the version-key findings, which the semantic rules phrase better than the schema), since rules
   * over a malformed tree mislead.
   */
  public List<Diagnostic> finish() {
    reservations.flush();
    subnets.flush();
    handOver(END);
    List<Diagnostic> semantic = rules.join();
    schema.addAll(schemaAside);
    List<Diagnostic> structure = new ArrayList<>(schema.diagnostics());
    structure.addAll(outOfRange);
    return KeaConfigValidator.combine(structure, semantic);
  }
}
