package org.keagen.source;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS that trusts any certificate, for an adapter's {@code --insecure} and nothing else: the one
 * place it is built, so that no adapter turns verification off by another path. Used only when the
 * user asks for it explicitly.
 */
public final class UnverifiedTls {
  /** A trust manager that accepts every chain. */
  public static final X509TrustManager TRUST_ALL = new X509TrustManager() {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  };

  private UnverifiedTls() {}

  /** Sockets whose handshakes accept every certificate (host names are the HTTP client's to skip). */
  public static SSLSocketFactory socketFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {TRUST_ALL}, new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS support in this Java runtime", e);
    }
  }
}
