package org.keagen.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.json.JsonErrors;
import org.keagen.snapshot.SnapshotJson;
import org.keagen.template.SandboxedTemplates;
import org.keagen.template.TemplateOutcome;

/**
 * The server-level skeleton of a Kea DHCPv4 config (interfaces, lease database, loggers, control
 * socket, hooks): a Pebble template that renders to {@code {"Dhcp4": {...}}}. keagen ships a
 * default; operators can bring their own. Rendered in the same sandbox as source templates.
 */
public final class ServerTemplate {
  private static final String DEFAULT_RESOURCE = "/org/keagen/templates/kea-dhcp4.json.peb";

  private final String name;
  private final String text;

  private ServerTemplate(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** keagen's default skeleton ({@code templates/kea-dhcp4.json.peb}). */
  public static ServerTemplate defaultTemplate() {
    try (InputStream in = ServerTemplate.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the default server template is missing from the build");
      }
      return new ServerTemplate("templates/kea-dhcp4.json.peb", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A template from its text; {@code name} identifies it in diagnostics. */
  public static ServerTemplate of(String name, String text) {
    return new ServerTemplate(name, text);
  }

  public String name() {
    return name;
  }

  /** The outcome of rendering the skeleton. */
  public record Skeleton(ObjectNode dhcp4, List<Diagnostic> diagnostics) {
    public Skeleton {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Renders the template and parses it; the result's {@code dhcp4} is {@code null} on failure. */
  public Skeleton render(Map<String, String> variables) {
    TemplateOutcome outcome = SandboxedTemplates.instance().render(text, variables);
    if (!outcome.ok()) {
      return failed("did not render: " + outcome.message(), "correct the template");
    }
    JsonNode root;
    try {
      root = SnapshotJson.newMapper().readTree(outcome.text());
    } catch (JsonProcessingException e) {
      return failed("does not render to valid JSON" + JsonErrors.describe(e) + " (line and column of its output)",
          "correct the JSON in the template");
    }
    if (root == null || !root.path("Dhcp4").isObject() || root.size() != 1) {
      return failed("must render to one object {\"Dhcp4\": {...}}", "wrap the server settings in \"Dhcp4\"");
    }
    return new Skeleton((ObjectNode) root.get("Dhcp4"), List.of());
  }

  private Skeleton failed(String message, String hint) {
    return new Skeleton(null, List.of(Diagnostic.error(DiagnosticCode.SKELETON_INVALID,
        "server template " + name, message, hint)));
  }
}
