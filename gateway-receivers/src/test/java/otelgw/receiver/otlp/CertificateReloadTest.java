package otelgw.receiver.otlp;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.testing.TestCertificates.Issued;

/**
 * A rotated certificate reaches new connections on both protocols without a restart; a rotation
 * half written (the certificate without its key) is not taken.
 */
class CertificateReloadTest {

  @TempDir Path dir;
  private Path certFile;
  private Path keyFile;
  private RunningReceiver running;

  @BeforeEach
  void setUp() throws Exception {
    certFile = Files.copy(TestTlsFiles.SERVER.certFile(), dir.resolve("tls.crt"));
    keyFile = Files.copy(TestTlsFiles.SERVER.keyFile(), dir.resolve("tls.key"));
    String tls = TestTlsFiles.tls(certFile, keyFile, "reload_interval: 50ms");
    running = RunningReceiver.startWithTls(tls);
  }

  @AfterEach
  void tearDown() {
    running.close();
  }

  @Test
  void newConnectionsGetTheRotatedCertificate() throws Exception {
    assertThat(served(running.grpcPort())).isEqualTo(serial(TestTlsFiles.SERVER));
    assertThat(served(running.httpPort())).isEqualTo(serial(TestTlsFiles.SERVER));

    rotate(TestTlsFiles.ROTATED_SERVER.keyFile(), keyFile);
    rotate(TestTlsFiles.ROTATED_SERVER.certFile(), certFile);

    BigInteger rotated = serial(TestTlsFiles.ROTATED_SERVER);
    await().atMost(Duration.ofSeconds(10)).until(() -> served(running.grpcPort()).equals(rotated));
    await().atMost(Duration.ofSeconds(10)).until(() -> served(running.httpPort()).equals(rotated));
  }

  @Test
  void keepsTheCertificateInUseUntilTheKeyMatches() throws Exception {
    rotate(TestTlsFiles.ROTATED_SERVER.certFile(), certFile);

    // Checked every 50 ms: for ten checks and more, the old pair goes on being served.
    BigInteger original = serial(TestTlsFiles.SERVER);
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> served(running.httpPort()).equals(original));

    rotate(TestTlsFiles.ROTATED_SERVER.keyFile(), keyFile);
    BigInteger rotated = serial(TestTlsFiles.ROTATED_SERVER);
    await().atMost(Duration.ofSeconds(10)).until(() -> served(running.httpPort()).equals(rotated));
  }

  /** Copies {@code from} over {@code to}, moving its modification time on. */
  private static void rotate(Path from, Path to) throws Exception {
    Instant before = Files.getLastModifiedTime(to).toInstant();
    Files.copy(from, to, REPLACE_EXISTING);
    Instant later = before.plusSeconds(2);
    Files.setLastModifiedTime(
        to, FileTime.from(later.isAfter(Instant.now()) ? later : Instant.now()));
  }

  private static BigInteger serial(Issued issued) {
    return issued.certificate().getSerialNumber();
  }

  /** The serial number of the certificate a new TLS connection to {@code port} is served. */
  private static BigInteger served(int port) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(TestTlsFiles.CA.certPem())));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }
  }
}
