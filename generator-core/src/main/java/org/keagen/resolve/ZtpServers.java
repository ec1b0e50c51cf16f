package org.keagen.resolve;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Chooses a device's ZTP server from its context's list. The choice is a stable function of the
 * device id, so the same device always gets the same server and devices spread over the list,
 * and the output never changes between runs.
 */
public final class ZtpServers {
  private ZtpServers() {}

  /** The server for {@code deviceId} from a non-empty list. */
  public static String choose(String deviceId, List<String> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no ZTP servers to choose from");
    }
    CRC32 crc = new CRC32();
    crc.update(deviceId.getBytes(StandardCharsets.UTF_8));
    return servers.get((int) (crc.getValue() % servers.size()));
  }
}
