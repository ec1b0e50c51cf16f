package org.keagen.render;

/** The server-level skeleton (interfaces, lease database, loggers, control socket, hooks). */
public final class ServerTemplate {
  private ServerTemplate() {}

  public static ServerTemplate defaultTemplate() {
    return new ServerTemplate();
  }
}
