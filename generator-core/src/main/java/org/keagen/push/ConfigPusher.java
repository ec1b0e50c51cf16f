package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Pushes one config to one kea-dhcp4, in two phases. {@link #check} changes nothing on the server:
 * it reads the running config ({@code config-get}, and its hash where Kea has {@code
 * config-hash-get}), refuses a config that drops the control socket or hooks ({@link
 * RunningConfigGuard}) and has Kea {@code config-test} it. {@link #apply} then runs {@code
 * config-set}, {@code config-write} and a {@code config-get} compared with what was sent ({@link
 * RunningConfigMatcher}). When anything after {@code config-set} fails, the config read in the
 * first phase is set (and written) again, so the server keeps running what it ran before.
 */
public final class ConfigPusher {
  private static final int MAX_DIFFERENCES_SHOWN = 5;

  private final ControlChannel channel;

  private ConfigPusher(ControlChannel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  public static ConfigPusher over(ControlChannel channel) {
    return new ConfigPusher(channel);
  }

  /**
   * What the first phase learnt: the config to push, the config running before and, where Kea
   * has {@code config-hash-get}, its hash.
   */
  public record Checked(ObjectNode config, ObjectNode runningDhcp4, String hashBefore) {}

  /** The outcome of the first phase: checked, or the failure. */
  public record CheckResult(Checked checked, PushOutcome failure) {
    public boolean ok() {
      return checked != null;
    }
  }

  /** A failed step, carried out of the step methods. */
  private static final class StepFailure extends Exception {
    private final PushStep step;

    StepFailure(PushStep step, String message) {
      super(message, null, false, false);
      this.step = step;
    }
  }

  /** Both phases. */
  public PushOutcome push(ObjectNode config) {
    CheckResult result = check(config);
    return result.ok() ? apply(result.checked()) : result.failure();
  }

  /** Phase one: read, guard, {@code config-test}; the server is not changed. */
  public CheckResult check(ObjectNode config) {
    if (!config.path("Dhcp4").isObject()) {
      throw new IllegalArgumentException("a config to push is {\"Dhcp4\": {...}}");
    }
    try {
      ObjectNode running = runningDhcp4(PushStep.CONFIG_GET);
      String hash = hashSupported() ? hash() : null;
      List<String> problems = RunningConfigGuard.problems(config.get("Dhcp4"), running);
      if (!problems.isEmpty()) {
        throw new StepFailure(PushStep.GUARD, "refused, nothing was sent: " + String.join("; ", problems));
      }
      ControlResponse tested = send(PushStep.CONFIG_TEST, ControlCommand.configTest(config));
      if (!tested.ok()) {
        throw new StepFailure(PushStep.CONFIG_TEST, "Kea rejected the config: " + tested.describe()
            + "; the running config is unchanged");
      }
      return new CheckResult(new Checked(config.deepCopy(), running, hash), null);
    } catch (StepFailure f) {
      return new CheckResult(null, PushOutcome.failed(channel.endpoint(), f.step, f.getMessage()));
    }
  }

  /** Phase two: {@code config-set}, {@code config-write}, verify; restores the old config on failure. */
  public PushOutcome apply(Checked checked) {
    String endpoint = channel.endpoint();
    try {
      if (checked.hashBefore() != null && !checked.hashBefore().equals(hash())) {
        return PushOutcome.failed(endpoint, PushStep.CONFIG_HASH_GET, "the running config changed since it was"
            + " read (another push?); nothing was sent, the running config is unchanged; push again");
      }
    } catch (StepFailure f) {
      return PushOutcome.failed(endpoint, f.step, f.getMessage() + "; nothing was sent");
    }

    ControlResponse set;
    try {
      set = send(PushStep.CONFIG_SET, ControlCommand.configSet(checked.config()));
    } catch (StepFailure f) {
      return PushOutcome.failed(endpoint, f.step, f.getMessage() + restore(checked, false));
    }
    if (!set.ok()) {
      return PushOutcome.failed(endpoint, PushStep.CONFIG_SET, "Kea rejected the config: " + set.describe()
          + restore(checked, false));
    }

    String writtenTo;
    try {
      ControlResponse written = send(PushStep.CONFIG_WRITE, ControlCommand.configWrite());
      if (!written.ok()) {
        return PushOutcome.failed(endpoint, PushStep.CONFIG_WRITE, "Kea could not save the config: "
            + written.describe() + restore(checked, false));
      }
      writtenTo = written.arguments() == null ? "" : written.arguments().path("filename").asText("");
    } catch (StepFailure f) {
      return PushOutcome.failed(endpoint, f.step, f.getMessage() + restore(checked, false));
    }

    ObjectNode after;
    try {
      after = runningDhcp4(PushStep.VERIFY);
    } catch (StepFailure f) {
      return PushOutcome.failed(endpoint, f.step, f.getMessage() + restore(checked, true));
    }
    List<String> differences = RunningConfigMatcher.differences(checked.config().get("Dhcp4"), after, "Dhcp4");
    if (!differences.isEmpty()) {
      return PushOutcome.failed(endpoint, PushStep.VERIFY, "the running config differs from what was sent: "
          + summary(differences) + restore(checked, true));
    }

    String hashAfter = null;
    boolean changed;
    if (checked.hashBefore() != null) {
      try {
        hashAfter = hash();
      } catch (StepFailure f) {
        return PushOutcome.failed(endpoint, f.step, f.getMessage() + "; the new config runs and was written");
      }
      changed = !hashAfter.equals(checked.hashBefore());
    } else {
      changed = !after.equals(checked.runningDhcp4());
    }
    String message = "config-test, config-set, config-write"
        + (writtenTo.isEmpty() ? "" : " (" + writtenTo + ")") + " and verify passed; "
        + (changed ? "the running config changed" : "the running config was already this config")
        + (hashAfter == null ? "" : "; hash " + hashAfter);
    return PushOutcome.pushed(endpoint, changed, hashAfter, message);
  }

  /** Sets (and, when the new config was written, writes) the config read before; says how it went. */
  private String restore(Checked checked, boolean written) {
    ObjectNode previous = JsonNodeFactory.instance.objectNode();
    previous.set("Dhcp4", checked.runningDhcp4().deepCopy());
    try {
      ControlResponse set = send(PushStep.CONFIG_SET, ControlCommand.configSet(previous));
      if (!set.ok()) {
        return "; RESTORING THE PREVIOUS CONFIG FAILED (" + set.describe() + "): check the server now";
      }
      if (written) {
        ControlResponse write = send(PushStep.CONFIG_WRITE, ControlCommand.configWrite());
        if (!write.ok()) {
          return "; the previous config runs again, but saving it failed (" + write.describe()
              + "): the config file holds the new config";
        }
      }
      return "; the previous config was restored";
    } catch (StepFailure f) {
      return "; RESTORING THE PREVIOUS CONFIG FAILED (" + f.getMessage() + "): check the server now";
    }
  }

  private ObjectNode runningDhcp4(PushStep step) throws StepFailure {
    ControlResponse response = send(step, ControlCommand.configGet());
    if (!response.ok()) {
      throw new StepFailure(step, "Kea could not give its config: " + response.describe());
    }
    JsonNode dhcp4 = response.arguments() == null ? null : response.arguments().get("Dhcp4");
    if (!(dhcp4 instanceof ObjectNode object)) {
      throw new StepFailure(step, "the answer to config-get holds no \"Dhcp4\" map; is this a kea-dhcp4?");
    }
    return object;
  }

  /** Whether the server has {@code config-hash-get} (Kea 2.4 and later). */
  private boolean hashSupported() throws StepFailure {
    ControlResponse response = send(PushStep.LIST_COMMANDS, ControlCommand.listCommands());
    if (!response.ok() || response.arguments() == null) {
      return false;
    }
    for (JsonNode command : response.arguments()) {
      if (command.asText().equals("config-hash-get")) {
        return true;
      }
    }
    return false;
  }

  private String hash() throws StepFailure {
    ControlResponse response = send(PushStep.CONFIG_HASH_GET, ControlCommand.configHashGet());
    String hash = response.arguments() == null ? "" : response.arguments().path("hash").asText("");
    if (!response.ok() || hash.isEmpty()) {
      throw new StepFailure(PushStep.CONFIG_HASH_GET, "Kea gave no config hash: " + response.describe());
    }
    return hash;
  }

  private ControlResponse send(PushStep step, ControlCommand command) throws StepFailure {
    try {
      return channel.send(command);
    } catch (ControlChannelException e) {
      throw new StepFailure(step, e.getMessage());
    }
  }

  private static String summary(List<String> differences) {
    List<String> shown = differences.subList(0, Math.min(MAX_DIFFERENCES_SHOWN, differences.size()));
    String more = differences.size() > shown.size() ? " (and " + (differences.size() - shown.size()) + " more)" : "";
    return String.join("; ", shown) + more;
  }
}
