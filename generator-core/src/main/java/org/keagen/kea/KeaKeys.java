package org.keagen.kea;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys kea-dhcp4 accepts in a {@code subnet4} entry, a pool and a host reservation, per Kea
 * version: the table {@code org/keagen/kea/dhcp4-keys-by-version.tsv}, which {@code
 * scripts/kea-keys.py} derives from Kea's grammar at each release tag (and writes into the
 * per-version JSON Schemas as well). Any other key makes {@code kea-dhcp4} refuse the config.
 */
public final class KeaKeys {
  /** The map kinds of the table. */
  public static final String SUBNET4 = "subnet4";
  public static final String POOL = "pool";
  public static final String RESERVATION = "reservation";

  private static final String RESOURCE = "/org/keagen/kea/dhcp4-keys-by-version.tsv";
  private static final KeaKeys INSTANCE = load();

  /** map kind, then key, to the versions that accept it. */
  private final Map<String, Map<String, Set<KeaVersion>>> versions;

  private KeaKeys(Map<String, Map<String, Set<KeaVersion>>> versions) {
    this.versions = versions;
  }

  public static KeaKeys instance() {
    return INSTANCE;
  }

  /** The versions whose {@code map} (e.g. {@link #SUBNET4}) accepts {@code key}; empty for none. */
  public Set<KeaVersion> versionsWith(String map, String key) {
    return versions.getOrDefault(map, Map.of()).getOrDefault(key, Set.of());
  }

  public boolean accepts(String map, String key, KeaVersion version) {
    return versionsWith(map, key).contains(version);
  }

  private static KeaKeys load() {
    try (InputStream in = KeaKeys.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the Kea key table is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Map<String, Set<KeaVersion>>> versions = new HashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Set<KeaVersion> set = EnumSet.noneOf(KeaVersion.class);
        for (String label : cells[2].split(",")) {
          set.add(KeaVersion.parse(label).orElseThrow(() -> new IllegalStateException("unknown Kea version " + label)));
        }
        versions.computeIfAbsent(cells[0], k -> new HashMap<>()).put(cells[1], Collections.unmodifiableSet(set));
      }
      return new KeaKeys(versions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
