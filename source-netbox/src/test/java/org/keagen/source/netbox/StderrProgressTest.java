package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StderrProgressTest {

  private static String run(boolean terminal, boolean debug) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressSink sink = ProgressSink.stderr(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, debug);
    sink.progress("pool addresses", 1000, 3000);
    sink.progress("pool addresses", 3000, 3000);
    sink.warning("something to know");
    sink.debug("GET https://nb/api/status/ -> 200 in 5 ms");
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void progressIsDrawnOnATerminalOnly() {
    assertEquals("warning: something to know\n", run(false, false));
    String terminal = run(true, false);
    assertTrue(terminal.startsWith("\rnetbox: pool addresses 1000/3000\rnetbox: pool addresses 3000/3000\n"), terminal);
    assertTrue(terminal.endsWith("warning: something to know\n"), terminal);
  }

  @Test
  void debugLinesOnlyWithDebug() {
    assertTrue(run(false, true).contains("debug: GET https://nb/api/status/ -> 200"));
  }
}
