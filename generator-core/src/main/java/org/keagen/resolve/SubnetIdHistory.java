package org.keagen.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keagen.diagnostic.Diagnostic;
import org.keagen.diagnostic.DiagnosticCode;
import org.keagen.json.StrictUtf8;

/**
 * The subnet ids an existing Kea config already gave each CIDR. Kea ties leases to subnet ids, so
 * a CIDR keeps its id across runs and an id never moves to another CIDR.
 */
public final class SubnetIdHistory {
  private static final SubnetIdHistory NONE = new SubnetIdHistory(Map.of());

  private final Map<String, Long> idByCidr;

  private SubnetIdHistory(Map<String, Long> idByCidr) {
    this.idByCidr = Collections.unmodifiableMap(new TreeMap<>(idByCidr));
  }

  /** No previous config: every id is allocated afresh. */
  public static SubnetIdHistory none() {
    return NONE;
  }

  public static SubnetIdHistory of(Map<String, Long> idByCidr) {
    return new SubnetIdHistory(idByCidr);
  }

  /** The outcome of reading an existing config. */
  public record ReadResult(SubnetIdHistory history, List<Diagnostic> diagnostics) {
    public ReadResult {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Reads the {@code subnet4} ids of an existing Kea config file's bytes, which must be UTF-8: a
   * file that is not is an error, as keagen will not overwrite what it cannot read faithfully.
   */
  public static ReadResult fromKeaConfig(byte[] bytes, String origin) {
    StrictUtf8.Decoded text = StrictUtf8.decode(bytes);
    return text.ok() ? fromKeaConfig(text.text(), origin) : failed(origin, text.problem());
  }

  /**
   * Reads the {@code subnet4} ids of an existing Kea config text. A file that is not a Kea DHCPv4
   * config is an error: keagen will not overwrite what it cannot read.
   */
  public static ReadResult fromKeaConfig(String text, String origin) {
    return fromKeaConfig(text, origin, (subnet, inSharedNetwork) -> { });
  }

  /**
   * {@link #fromKeaConfig(String, String)}, showing {@code alongside} every element of the same walk
   * over the text (which a large file is worth reading once for).
   */
  public static ReadResult fromKeaConfig(String text, String origin, KeaConfigWalk.Visitor alongside) {
    Map<String, Long> ids = new TreeMap<>();
    KeaConfigWalk.Problem problem = KeaConfigWalk.walk(text, new KeaConfigWalk.Visitor() {
      @Override
      public void globalReservation(JsonNode reservation) {
        alongside.globalReservation(reservation);
      }

      @Override
      public void subnet(JsonNode subnet, boolean inSharedNetwork) {
        alongside.subnet(subnet, inSharedNetwork);
        JsonNode cidr = subnet.path("subnet");
        JsonNode id = subnet.path("id");
        if (!inSharedNetwork && cidr.isTextual() && id.canConvertToLong() && id.isIntegralNumber()) {
          String key = Cidrs.canonical(cidr.asText());
          if (key != null) {
            ids.put(key, id.asLong());
          }
        }
      }
    });
    if (problem == KeaConfigWalk.Problem.NOT_JSON) {
      return failed(origin, "is not valid JSON, so its subnet ids cannot be kept");
    }
    if (problem == KeaConfigWalk.Problem.NO_DHCP4) {
      return failed(origin, "has no \"Dhcp4\" object, so its subnet ids cannot be kept");
    }
    return new ReadResult(new SubnetIdHistory(ids), List.of());
  }

  private static ReadResult failed(String origin, String what) {
    return new ReadResult(NONE, List.of(Diagnostic.error(DiagnosticCode.PREVIOUS_CONFIG_INVALID,
        origin, "the existing output file " + what,
        "move the file away or restore a valid Kea config; keagen never overwrites a file it cannot read")));
  }

  /** The id the previous config gave {@code cidr}, or {@code null}. */
  public Long idOf(String cidr) {
    return idByCidr.get(cidr);
  }

  /** Every CIDR-to-id pair of the previous config. */
  public Map<String, Long> asMap() {
    return idByCidr;
  }
}
