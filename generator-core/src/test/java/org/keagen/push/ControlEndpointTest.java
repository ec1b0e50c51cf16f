package org.keagen.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ControlEndpointTest {

  @Test
  void unixSocketsByUriOrPath() {
    ControlEndpoint a = ControlEndpoint.parse("unix:/run/kea/kea4-ctrl-socket");
    ControlEndpoint b = ControlEndpoint.parse("/run/kea/kea4-ctrl-socket");
    assertTrue(a.isUnix());
    assertEquals(Path.of("/run/kea/kea4-ctrl-socket"), b.socketPath());
    assertEquals("unix:/run/kea/kea4-ctrl-socket", a.toString());
    assertNull(a.name());
  }

  @Test
  void httpEndpointsWithAPeerName() {
    ControlEndpoint e = ControlEndpoint.parse("server1=https://192.0.2.2:8000/");
    assertEquals("server1", e.name());
    assertTrue(e.isHttps());
    assertFalse(e.isUnix());
    assertEquals("server1 (https://192.0.2.2:8000/)", e.toString());
  }

  @Test
  void anEqualsSignInsideTheUriIsNotAName() {
    assertNull(ControlEndpoint.parse("http://127.0.0.1:8000/?a=b").name());
  }

  @Test
  void credentialsInTheUriAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ControlEndpoint.parse("http://admin:secret@127.0.0.1:8000/"));
    assertFalse(e.getMessage().contains("secret"));
  }

  @Test
  void otherFormsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ControlEndpoint.parse("ftp://127.0.0.1/"));
    assertThrows(IllegalArgumentException.class, () -> ControlEndpoint.parse("unix:relative"));
    assertThrows(IllegalArgumentException.class, () -> ControlEndpoint.parse("kea1"));
  }
}
