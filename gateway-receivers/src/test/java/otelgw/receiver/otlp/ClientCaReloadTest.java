package otelgw.receiver.otlp;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.core.net.PemFiles;
import otelgw.testing.TestCertificates.Issued;

/**
 * A rotated {@code client_ca_file} decides new handshakes on both protocols without a restart; a
 * file that cannot be used is not taken.
 */
class ClientCaReloadTest {

  @TempDir Path dir;
  private Path caFile;
  private RunningReceiver running;

  @BeforeEach
  void setUp() throws Exception {
    caFile = Files.copy(TestTlsFiles.CA.certFile(), dir.resolve("client-ca.crt"));
    String tls =
        TestTlsFiles.tls(
            TestTlsFiles.SERVER.certFile(),
            TestTlsFiles.SERVER.keyFile(),
            "client_ca_file: \"" + caFile + "\", reload_interval: 50ms");
    running = RunningReceiver.startWithTls(tls);
  }

  @AfterEach
  void tearDown() {
    running.close();
  }

  @Test
  void newHandshakesTrustTheRotatedClientCa() throws Exception {
    for (int port : new int[] {running.grpcPort(), running.httpPort()}) {
      assertThat(accepts(port, TestTlsFiles.CLIENT)).isTrue();
      assertThat(accepts(port, TestTlsFiles.ROGUE_CLIENT)).isFalse();
    }

    rotate(TestTlsFiles.OTHER_CA.certFile(), caFile);

    for (int port : new int[] {running.grpcPort(), running.httpPort()}) {
      await().atMost(Duration.ofSeconds(10)).until(() -> accepts(port, TestTlsFiles.ROGUE_CLIENT));
      assertThat(accepts(port, TestTlsFiles.CLIENT)).isFalse();
    }
  }

  @Test
  void keepsTheClientCasInUseWhenTheFileCannotBeUsed() throws Exception {
    Files.writeString(
        caFile, "-----BEGIN CERTIFICATE-----\nhalf written", StandardCharsets.US_ASCII);
    Files.setLastModifiedTime(caFile, FileTime.from(Instant.now().plusSeconds(2)));

    // Checked every 50 ms: for ten checks and more, the CA read at start goes on deciding.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> accepts(running.httpPort(), TestTlsFiles.CLIENT));
    assertThat(accepts(running.grpcPort(), TestTlsFiles.CLIENT)).isTrue();
    assertThat(accepts(running.grpcPort(), TestTlsFiles.ROGUE_CLIENT)).isFalse();
  }

  /** Copies {@code from} over {@code to}, moving its modification time on. */
  private static void rotate(Path from, Path to) throws Exception {
    Instant before = Files.getLastModifiedTime(to).toInstant();
    Files.copy(from, to, REPLACE_EXISTING);
    Instant later = before.plusSeconds(2);
    Files.setLastModifiedTime(
        to, FileTime.from(later.isAfter(Instant.now()) ? later : Instant.now()));
  }

  /**
   * Whether a TLS 1.2 handshake presenting {@code client}'s certificate completes. In TLS 1.2 the
   * server sends its Finished only after it accepted the client's certificate, so a refusal fails
   * the handshake itself.
   */
  private static boolean accepts(int port, Issued client) throws Exception {
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
    context.init(new KeyManager[] {new AlwaysPresent(client)}, trust.getTrustManagers(), null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {"TLSv1.2"});
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return true;
    } catch (SSLException | SocketException e) {
      return false; // an alert, or the connection reset while the client still wrote
    }
  }

  /**
   * Presents one certificate whatever CAs the server names, as curl and Go clients do: the server's
   * list of CAs is a hint, and the test is about what the server accepts.
   */
  private static final class AlwaysPresent extends X509ExtendedKeyManager {
    private final X509Certificate[] chain;
    private final PrivateKey key;

    AlwaysPresent(Issued client) throws IOException {
      this.chain = PemFiles.certificates(client.certFile()).toArray(new X509Certificate[0]);
      this.key = client.key();
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return "client";
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      return "client";
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {"client"};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chain;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return key;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
