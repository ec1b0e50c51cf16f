package org.keagen.push;

/** The control channel failed: no connection, a timeout, or an answer that is not Kea's. */
public final class ControlChannelException extends Exception {

  public ControlChannelException(String message) {
    super(message);
  }

  public ControlChannelException(String message, Throwable cause) {
    super(message, cause);
  }
}
