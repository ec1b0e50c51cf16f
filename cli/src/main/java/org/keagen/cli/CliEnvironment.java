package org.keagen.cli;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.keagen.cli.source.SourceFactory;

/**
 * What a run takes from outside its command line: environment variables ({@code KEAGEN_CONFIG},
 * {@code NETBOX_TOKEN}, {@code NAUTOBOT_TOKEN}) and the sources it can open. Tests give their own.
 *
 * @param variables looks up an environment variable; {@code null} when unset
 * @param sources opens the source a run asks for
 */
public record CliEnvironment(Function<String, String> variables, SourceFactory sources) {

  public CliEnvironment {
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(sources, "sources");
  }

  /** The process environment and this build's sources. */
  public static CliEnvironment system() {
    return new CliEnvironment(System::getenv, SourceFactory.standard());
  }

  /** Fixed variables and this build's sources. */
  public static CliEnvironment of(Map<String, String> variables) {
    return new CliEnvironment(variables::get, SourceFactory.standard());
  }

  public CliEnvironment withSources(SourceFactory factory) {
    return new CliEnvironment(variables, factory);
  }

  /** The variable's value, or {@code null} when it is unset or empty. */
  String variable(String name) {
    String value = variables.apply(name);
    return value == null || value.isEmpty() ? null : value;
  }
}
