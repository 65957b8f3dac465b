package otelgw.exporter.otlp;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import otelgw.config.TlsClientSettings;
import otelgw.core.net.PemFiles;

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
    List<X509Certificate> cas = PemFiles.certificates(caFile);
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
    Certificate[] chain = PemFiles.certificates(certFile).toArray(new Certificate[0]);
    PrivateKey key = PemFiles.privateKey(keyFile);
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
