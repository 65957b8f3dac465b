package otelgw.exporter.otlp;

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
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import otelgw.config.TlsClientSettings;

/**
 * The trust and key managers a {@code tls} block asks for, read from its PEM files. Both OTLP
 * exporters build their TLS from these, so {@code ca_file} and client certificates behave the same
 * over gRPC and HTTP. Empty means the platform's default.
 *
 * @param trustManager whom to trust: the CAs of {@code ca_file}, or anyone with {@code
 *     insecure_skip_verify}
 * @param keyManager the client certificate of {@code cert_file} and {@code key_file}, for mTLS
 * @param protocols the TLS versions {@code min_version} allows, newest first
 */
record TlsMaterial(
    Optional<TrustManager> trustManager, Optional<KeyManager> keyManager, List<String> protocols) {

  private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String KEY_END = "-----END PRIVATE KEY-----";

  /**
   * Reads the files {@code tls} names.
   *
   * @throws IOException naming the file that cannot be read or understood
   */
  static TlsMaterial load(TlsClientSettings tls) throws IOException {
    Optional<TrustManager> trust =
        tls.insecureSkipVerify()
            ? Optional.of(new TrustingEveryone())
            : tls.caFile().isPresent()
                ? Optional.of(trustManager(Path.of(tls.caFile().get())))
                : Optional.empty();
    Optional<KeyManager> key =
        tls.certFile().isPresent() && tls.keyFile().isPresent()
            ? Optional.of(keyManager(Path.of(tls.certFile().get()), Path.of(tls.keyFile().get())))
            : Optional.empty();
    List<String> protocols =
        "1.3".equals(tls.minVersion()) ? List.of("TLSv1.3") : List.of("TLSv1.3", "TLSv1.2");
    return new TlsMaterial(trust, key, protocols);
  }

  private static TrustManager trustManager(Path caFile) throws IOException {
    Collection<? extends Certificate> cas = certificates(caFile);
    try {
      KeyStore store = emptyStore();
      int i = 0;
      for (Certificate ca : cas) {
        store.setCertificateEntry("ca-" + i++, ca);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use the CAs of " + caFile + ": " + e.getMessage(), e);
    }
  }

  private static KeyManager keyManager(Path certFile, Path keyFile) throws IOException {
    Certificate[] chain = certificates(certFile).toArray(new Certificate[0]);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("client", key, new char[0], chain);
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, new char[0]);
      return factory.getKeyManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot use " + certFile + " with " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> certificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IOException(file + " holds no PEM certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /** A PKCS#8 PEM key, RSA, EC or EdDSA: what {@code openssl pkcs8 -topk8 -nocrypt} writes. */
  private static PrivateKey privateKey(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(KEY_BEGIN);
    int end = pem.indexOf(KEY_END);
    if (begin < 0 || end < begin) {
      throw new IOException(
          file
              + " is not a PKCS#8 PEM key ('"
              + KEY_BEGIN
              + "'); convert it with: openssl pkcs8 -topk8 -nocrypt");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " holds a damaged PEM key", e);
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : new String[] {"RSA", "EC", "EdDSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // Not this algorithm; try the next.
      }
    }
    throw new IOException(file + " holds a key that is not RSA, EC or EdDSA");
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  /**
   * {@code insecure_skip_verify}: accepts any server certificate. Being an extended trust manager,
   * it also stands in for the host name check the JDK would otherwise make.
   */
  private static final class TrustingEveryone extends X509ExtendedTrustManager {
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
  }
}
