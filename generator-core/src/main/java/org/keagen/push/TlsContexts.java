package org.keagen.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the {@link SSLContext} for {@link TlsOptions} from PEM files, as Kea's own TLS setup uses. */
public final class TlsContexts {
  private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PKCS8_END = "-----END PRIVATE KEY-----";

  private TlsContexts() {}

  public static SSLContext create(TlsOptions options) throws ControlChannelException {
    try {
      TrustManager[] trust = options.verifyServer() ? trustManagers(options.caCertificate()) : trustingAll();
      KeyManager[] keys = options.clientCertificate() == null ? null
          : keyManagers(options.clientCertificate(), options.clientKey());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new ControlChannelException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The CA file's certificates, or the JDK's trust store when there is no file ({@code null}). */
  private static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException, ControlChannelException {
    if (caFile == null) {
      return null;
    }
    KeyStore store = emptyStore();
    int index = 0;
    for (Certificate certificate : certificates(caFile, "CA certificate")) {
      store.setCertificateEntry("ca-" + index++, certificate);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path certificateFile, Path keyFile)
      throws GeneralSecurityException, ControlChannelException {
    List<Certificate> chain = certificates(certificateFile, "client certificate");
    PrivateKey key = privateKey(keyFile);
    char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static List<Certificate> certificates(Path file, String what) throws ControlChannelException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (read.isEmpty()) {
        throw new ControlChannelException("the " + what + " file " + file + " holds no certificate");
      }
      return List.copyOf(read);
    } catch (IOException e) {
      throw new ControlChannelException("cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new ControlChannelException("the " + what + " file " + file + " is not PEM certificates: "
          + e.getMessage(), e);
    }
  }

  /** A PKCS#8 key ({@code BEGIN PRIVATE KEY}), RSA, EC or EdDSA. */
  private static PrivateKey privateKey(Path file) throws ControlChannelException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ControlChannelException("cannot read the client key file " + file + ": " + e.getMessage(), e);
    }
    int begin = text.indexOf(PKCS8_BEGIN);
    int end = text.indexOf(PKCS8_END);
    if (begin < 0 || end < begin) {
      throw new ControlChannelException("the client key file " + file + " is not an unencrypted PKCS#8 PEM key"
          + " (convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + PKCS8_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new ControlChannelException("the client key file " + file + " is not valid base64 PEM", e);
    }
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new ControlChannelException("the client key file " + file + " holds no RSA, EC or EdDSA key");
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    return store;
  }

  /** Accepts any certificate and any host name: only when verification was explicitly turned off. */
  private static TrustManager[] trustingAll() {
    return new TrustManager[] {new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }};
  }
}
