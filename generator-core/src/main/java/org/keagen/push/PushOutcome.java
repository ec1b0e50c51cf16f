package org.keagen.push;

import java.util.Objects;

/**
 * What a push did to one server.
 *
 * @param endpoint the server, as named in messages
 * @param status pushed, failed, or not pushed because of another server
 * @param failedStep the step that failed, or {@code null}
 * @param message one line for the operator (never a secret)
 * @param changed whether the running config differs from before (meaningful when pushed)
 * @param hash the running config's hash after the push where Kea has {@code config-hash-get}, else
 *     {@code null}
 */
public record PushOutcome(String endpoint, Status status, PushStep failedStep, String message, boolean changed,
    String hash) {

  /** How a push to one server ended. */
  public enum Status { PUSHED, FAILED, NOT_PUSHED }

  public PushOutcome {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    if ((status == Status.FAILED) != (failedStep != null)) {
      throw new IllegalArgumentException("a failed push, and only a failed push, names its step");
    }
  }

  public static PushOutcome pushed(String endpoint, boolean changed, String hash, String message) {
    return new PushOutcome(endpoint, Status.PUSHED, null, message, changed, hash);
  }

  public static PushOutcome failed(String endpoint, PushStep step, String message) {
    return new PushOutcome(endpoint, Status.FAILED, step, message, false, null);
  }

  public static PushOutcome notPushed(String endpoint, String reason) {
    return new PushOutcome(endpoint, Status.NOT_PUSHED, null, reason, false, null);
  }

  public boolean ok() {
    return status == Status.PUSHED;
  }

  /** One line: {@code pushed to E: ...}, {@code push to E failed at STEP: ...} or {@code not pushed to E: ...}. */
  public String toLine() {
    return switch (status) {
      case PUSHED -> "pushed to " + endpoint + ": " + message;
      case FAILED -> "push to " + endpoint + " failed at " + failedStep.label() + ": " + message;
      case NOT_PUSHED -> "not pushed to " + endpoint + ": " + message;
    };
  }
}
