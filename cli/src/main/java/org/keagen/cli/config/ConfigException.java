package org.keagen.cli.config;

import java.util.List;

/** The config file is malformed; one line per problem, each naming the file and the key. */
public final class ConfigException extends Exception {
  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
