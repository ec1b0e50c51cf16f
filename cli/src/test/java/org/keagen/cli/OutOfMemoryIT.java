package org.keagen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source of truth too large for the heap (here: a heap far too small for it) ends in one
 * diagnostic that says how to give keagen more memory, exit 1 and the output file untouched, never
 * a stack trace.
 */
class OutOfMemoryIT {
  @TempDir
  Path dir;

  @Test
  void aHeapTooSmallIsAFindingAndTheOutputStaysAsItWas() throws Exception {
    StringBuilder snapshot = new StringBuilder("{\"format\": \"keagen-snapshot/1\", \"prefixes\": [");
    for (int i = 0; i < 200; i++) {
      snapshot.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i).append("\", \"prefix\": \"10.")
          .append(i).append(".0.0/16\"}");
    }
    snapshot.append("], \"pool_addresses\": [");
    for (int i = 0; i < 200_000; i++) {
      snapshot.append(i == 0 ? "" : ",").append("{\"address\": \"10.").append(i % 200).append('.')
          .append(i / 200 % 250 + 1).append('.').append(i / 50_000 + 10).append("/16\"}");
    }
    snapshot.append("]}");
    Files.writeString(dir.resolve("snapshot.json"), snapshot, StandardCharsets.UTF_8);
    byte[] before = "{\"Dhcp4\": {}}\n".getBytes(StandardCharsets.UTF_8);
    Path output = Files.write(dir.resolve("kea-dhcp4.conf"), before);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    RealTools.Result run = RealTools.run(dir, List.of(), dir, Map.of(), 2, java.toString(), "-Xmx24m",
        "-XX:TieredStopAtLevel=1", "-jar", RealTools.jar().toString(), "generate", "--snapshot", "snapshot.json",
        "-o", "kea-dhcp4.conf", "--force");

    assertEquals(1, run.exit(), run.output());
    assertTrue(run.output().contains("keagen: error[out-of-memory]: the Java heap ("), run.output());
    assertTrue(run.output().contains("KEAGEN_JAVA_OPTS=-Xmx2g"), run.output());
    assertFalse(run.output().contains("\tat "), "no stack trace: " + run.output());
    assertArrayEquals(before, Files.readAllBytes(output));
  }
}
