package org.keagen.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pushes one config to several servers, such as the peers of an HA pair, in the order given. Every
 * server is checked first (read, guard, {@code config-test}: nothing changes); only when all pass
 * is the config applied, server by server, stopping at the first failure. With the HA hook in the
 * config each server gets its own {@code this-server-name}, from the endpoint's name.
 */
public final class PeerPush {

  /** One server to push to. */
  public record Target(ControlEndpoint endpoint, ControlChannel channel) {
    public Target {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(channel, "channel");
    }
  }

  private PeerPush() {}

  /** One outcome per target, in order. */
  public static List<PushOutcome> push(List<Target> targets, ObjectNode config) {
    List<PushOutcome> outcomes = new ArrayList<>();
    List<ConfigPusher.Checked> checked = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      PushOutcome failure;
      try {
        ConfigPusher.CheckResult result = ConfigPusher.over(target.channel()).check(peerConfig(target, targets, config));
        if (result.ok()) {
          checked.add(result.checked());
          continue;
        }
        failure = rename(result.failure(), target);
      } catch (IllegalArgumentException e) {
        failure = PushOutcome.failed(target.endpoint().toString(), PushStep.PEER_CONFIG, e.getMessage());
      }
      for (int j = 0; j < i; j++) {
        outcomes.add(PushOutcome.notPushed(targets.get(j).endpoint().toString(), "checks passed, but "
            + target.endpoint() + " failed its checks, so no server was changed"));
      }
      outcomes.add(failure);
      notPushedAfter(targets, i, outcomes, "stopped at the failure of " + target.endpoint() + "; nothing was sent");
      return outcomes;
    }
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      PushOutcome outcome = rename(ConfigPusher.over(target.channel()).apply(checked.get(i)), target);
      outcomes.add(outcome);
      if (!outcome.ok()) {
        notPushedAfter(targets, i, outcomes, "stopped at the failure of " + target.endpoint()
            + (i > 0 ? "; the servers before it run the new config" : ""));
        return outcomes;
      }
    }
    return outcomes;
  }

  /** The config for one target: its own {@code this-server-name} when the HA hook is there. */
  private static ObjectNode peerConfig(Target target, List<Target> targets, ObjectNode config) {
    if (!HaPeers.usesHa(config)) {
      return config;
    }
    String name = target.endpoint().name();
    if (name == null) {
      if (targets.size() > 1) {
        throw new IllegalArgumentException("the config loads the HA hook; name each peer as NAME=ENDPOINT (peers: "
            + HaPeers.peerNames(config) + ") so each gets its this-server-name");
      }
      return config;
    }
    return HaPeers.forPeer(config, name);
  }

  private static void notPushedAfter(List<Target> targets, int failed, List<PushOutcome> outcomes, String reason) {
    for (int j = failed + 1; j < targets.size(); j++) {
      outcomes.add(PushOutcome.notPushed(targets.get(j).endpoint().toString(), reason));
    }
  }

  /** The outcome under the endpoint's display name (with the peer name) rather than the channel's. */
  private static PushOutcome rename(PushOutcome outcome, Target target) {
    return new PushOutcome(target.endpoint().toString(), outcome.status(), outcome.failedStep(), outcome.message(),
        outcome.changed(), outcome.hash());
  }
}
