package org.keagen.push;

/** The steps of a push, in order; a failure names the step it happened in. */
public enum PushStep {
  PEER_CONFIG("HA peer config"),
  CONFIG_GET("config-get"),
  LIST_COMMANDS("list-commands"),
  GUARD("control socket and hooks check"),
  CONFIG_TEST("config-test"),
  CONFIG_HASH_GET("config-hash-get"),
  CONFIG_SET("config-set"),
  CONFIG_WRITE("config-write"),
  VERIFY("verify");

  private final String label;

  PushStep(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
