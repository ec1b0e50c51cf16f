package org.keagen.source.netbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keagen.snapshot.Snapshot;
import org.keagen.source.SourceException;

/** Certificates are verified unless {@code insecure} is set, and then a warning says so. */
class TlsTest {
  private MockWebServer server;
  private FakeNetbox fake;

  @BeforeEach
  void start() throws Exception {
    HeldCertificate selfSigned = new HeldCertificate.Builder().commonName("netbox.test")
        .addSubjectAlternativeName(java.net.InetAddress.getByName("localhost").getCanonicalHostName())
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build();
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(selfSigned).build();
    server = new MockWebServer();
    server.useHttps(serverCerts.sslSocketFactory());
    fake = new FakeNetbox(FakeNetbox.recorded("4.7"), "Bearer " + NetboxSourceTest.V2_TOKEN);
    server.setDispatcher(fake);
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private NetboxSourceConfig.Builder config(RecordingSink sink) {
    return NetboxSourceConfig.builder(server.url("/").toString(), () -> NetboxSourceTest.V2_TOKEN)
        .progress(sink).retryBackoff(Duration.ofMillis(1));
  }

  @Test
  void anUntrustedCertificateIsRefusedWithoutSendingARequest() {
    RecordingSink sink = new RecordingSink();
    SourceException e = assertThrows(SourceException.class, () -> NetboxSource.of(config(sink).build()).fetch());
    assertTrue(e.getMessage().contains("TLS certificate"), e.getMessage());
    assertTrue(e.hint().contains("--insecure"), e.hint());
    assertEquals(0, fake.requests.size(), "the token never reached the server");
    assertTrue(sink.warnings.isEmpty());
    assertFalse((e.getMessage() + e.hint() + sink.all()).contains(NetboxSourceTest.V2_SECRET));
  }

  @Test
  void insecureSkipsVerificationAndWarns() throws Exception {
    RecordingSink sink = new RecordingSink();
    Snapshot snapshot = NetboxSource.of(config(sink).insecure(true).build()).fetch();
    assertEquals(3, snapshot.prefixes().size());
    assertEquals(1, sink.warnings.size(), sink.warnings::toString);
    assertTrue(sink.warnings.get(0).contains("--insecure"), sink.warnings.get(0));
    assertFalse(sink.all().contains(NetboxSourceTest.V2_SECRET));
  }
}
