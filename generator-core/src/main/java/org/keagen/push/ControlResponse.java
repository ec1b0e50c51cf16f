package org.keagen.push;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Kea's answer to one command.
 *
 * @param result 0 success, 1 error, 2 command not supported, 3 empty (Kea's codes)
 * @param text Kea's message, empty when it gave none
 * @param arguments the answer's {@code arguments}, or {@code null}
 */
public record ControlResponse(int result, String text, JsonNode arguments) {
  public static final int SUCCESS = 0;
  public static final int ERROR = 1;
  public static final int UNSUPPORTED = 2;
  public static final int EMPTY = 3;

  public ControlResponse {
    text = text == null ? "" : text;
  }

  /**
   * Reads an answer: an object from a unix socket, or a list holding one answer per service from
   * HTTP. A list must hold exactly one, as keagen asks one service at a time.
   */
  public static ControlResponse parse(JsonNode answer) throws ControlChannelException {
    JsonNode single = answer;
    if (answer != null && answer.isArray()) {
      if (answer.size() != 1) {
        throw new ControlChannelException("expected one answer, got a list of " + answer.size());
      }
      single = answer.get(0);
    }
    if (single == null || !single.isObject() || !single.path("result").isIntegralNumber()) {
      throw new ControlChannelException("the answer is not a Kea control answer (no integer \"result\")");
    }
    JsonNode arguments = single.get("arguments");
    return new ControlResponse(single.get("result").asInt(), single.path("text").asText(""),
        arguments == null || arguments.isNull() ? null : arguments);
  }

  public boolean ok() {
    return result == SUCCESS;
  }

  /** Kea's text, or a stand-in naming the result code when Kea sent none. */
  public String describe() {
    return text.isEmpty() ? "result " + result + " without a message" : text;
  }
}
