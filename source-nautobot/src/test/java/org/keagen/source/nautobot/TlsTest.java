package org.keagen.source.nautobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keagen.snapshot.Snapshot;
import org.keagen.source.SourceException;
import org.keagen.source.nautobot.fake.FakeNautobot;

/** TLS is verified unless {@code insecure} is set, which is then said in a warning. */
class TlsTest {
  private FakeNautobot fake;
  private final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void start() {
    HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
        .addSubjectAlternativeName("127.0.0.1").build();
    HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
    fake = FakeNautobot.startHttps("site", server.sslSocketFactory());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private NautobotSourceConfig.Builder config() {
    return NautobotSourceConfig.builder(fake.url(), () -> FakeNautobot.TOKEN).retryBackoff(Duration.ofMillis(1))
        .progress(new ProgressSink() {
          @Override
          public void progress(String stage, long done, boolean finished) {}

          @Override
          public void warning(String message) {
            warnings.add(message);
          }
        });
  }

  @Test
  void anUntrustedCertificateFails() {
    assertTrue(fake.url().startsWith("https://"), fake.url());

    SourceException e = assertThrows(SourceException.class, () -> NautobotSource.of(config().build()).fetch());

    assertTrue(e.getMessage().startsWith("TLS with Nautobot at " + fake.url() + " failed (status request)"),
        e.getMessage());
    assertTrue(e.hint().contains("--insecure"), e.hint());
    assertEquals(List.of(), warnings);
  }

  @Test
  void insecureSkipsTheCheckAndSaysSo() throws Exception {
    Snapshot snapshot = NautobotSource.of(config().insecure(true).build()).fetch();

    assertEquals(2, snapshot.prefixes().size());
    assertEquals(List.of("TLS certificate and host name checks are off for " + fake.url() + " (--insecure)"),
        warnings);
  }
}
