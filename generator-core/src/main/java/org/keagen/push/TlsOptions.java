package org.keagen.push;

import java.nio.file.Path;

/**
 * How an HTTPS control channel checks the server and identifies itself.
 *
 * @param caCertificate PEM file of the CA(s) the server's certificate must chain to; {@code null}
 *     for the JDK's default trust store
 * @param clientCertificate PEM certificate (chain) to present when Kea requires one, or {@code null}
 * @param clientKey PEM PKCS#8 private key of {@code clientCertificate}, or {@code null}
 * @param verifyServer false only when explicitly asked: trusts any certificate and host name
 */
public record TlsOptions(Path caCertificate, Path clientCertificate, Path clientKey, boolean verifyServer) {

  public TlsOptions {
    if ((clientCertificate == null) != (clientKey == null)) {
      throw new IllegalArgumentException("a client certificate needs its key, and a key its certificate");
    }
  }

  /** The JDK's trust store, full verification, no client certificate. */
  public static TlsOptions defaults() {
    return new TlsOptions(null, null, null, true);
  }

  public TlsOptions withCaCertificate(Path file) {
    return new TlsOptions(file, clientCertificate, clientKey, verifyServer);
  }

  public TlsOptions withClientCertificate(Path certificate, Path key) {
    return new TlsOptions(caCertificate, certificate, key, verifyServer);
  }

  /** Turns server verification off (testing only; the caller must have asked for it explicitly). */
  public TlsOptions withoutVerification() {
    return new TlsOptions(caCertificate, clientCertificate, clientKey, false);
  }
}
