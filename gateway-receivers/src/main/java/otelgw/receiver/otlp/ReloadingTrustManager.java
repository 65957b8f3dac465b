package otelgw.receiver.otlp;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import otelgw.core.net.PemFiles;

/**
 * The CAs that client certificates must chain to ({@code client_ca_file}), read again by {@link
 * #reloadIfChanged()} when the file changes, so that a rotated CA bundle applies to new handshakes
 * without a restart. A file that cannot be read or holds no certificate is not taken: the CAs in
 * use stay. Thread-safe.
 */
final class ReloadingTrustManager extends X509ExtendedTrustManager {

  private final Path caFile;
  private volatile Generation current;

  /**
   * Reads the file.
   *
   * @throws IOException naming the file, if it cannot be used
   */
  ReloadingTrustManager(Path caFile) throws IOException {
    this.caFile = caFile;
    this.current = load();
  }

  /**
   * Reads the file again if it changed since the last successful reading.
   *
   * @return the CAs now trusted, or null if the file did not change
   * @throws IOException if it changed but cannot be used; the CAs in use stay
   */
  synchronized List<X509Certificate> reloadIfChanged() throws IOException {
    if (stamp(caFile).equals(current.stamp)) {
      return null;
    }
    current = load();
    return current.authorities;
  }

  private Generation load() throws IOException {
    String stamp = stamp(caFile); // first: a file written after it is read again next time
    List<X509Certificate> authorities = PemFiles.certificates(caFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager trust) {
          return new Generation(trust, List.copyOf(authorities), stamp);
        }
      }
      throw new IOException("no X.509 trust manager for " + caFile);
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot trust the certificates in " + caFile + ": " + e.getMessage(), e);
    }
  }

  // Modification time and size, as for the server's own certificate.
  private static String stamp(Path file) throws IOException {
    return Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    current.trust.checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    current.trust.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    current.trust.checkClientTrusted(chain, authType, engine);
  }

  // A server's trust manager: it never judges a server.
  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a receiver does not check server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a receiver does not check server certificates");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a receiver does not check server certificates");
  }

  /** The CAs named to clients when the server asks for their certificate. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return current.trust.getAcceptedIssuers();
  }

  private record Generation(
      X509ExtendedTrustManager trust, List<X509Certificate> authorities, String stamp) {}
}
