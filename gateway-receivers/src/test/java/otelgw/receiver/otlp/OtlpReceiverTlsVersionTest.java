package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code min_version}: TLS 1.2 and 1.3 by default, 1.3 only with {@code min_version: "1.3"}; older
 * versions are refused by the server itself, on both protocols.
 */
class OtlpReceiverTlsVersionTest {

  private static final int ALERT = 0x15;
  private static final int PROTOCOL_VERSION_ALERT = 70;

  private RunningReceiver running;

  @AfterEach
  void tearDown() {
    running.close();
  }

  @Test
  void servesTls12And13ByDefault() throws Exception {
    start("");

    for (int port : ports()) {
      assertThat(handshake(port, "TLSv1.2")).isEqualTo("TLSv1.2");
      assertThat(handshake(port, "TLSv1.3")).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void refusesTls11ByDefault() throws Exception {
    start("");

    // The JDK's client will not offer TLS 1.1 at all, so send a TLS 1.1 ClientHello by hand: the
    // server must answer with a protocol_version alert, not a ServerHello. (The JDK's
    // jdk.tls.disabledAlgorithms refuses 1.1 too; this checks what a client meets, whichever layer
    // refuses it.)
    for (int port : ports()) {
      assertThat(answerToTls11ClientHello(port)).containsExactly(ALERT, PROTOCOL_VERSION_ALERT);
    }
  }

  @Test
  void refusesTls12WhenMinVersionIs13() throws Exception {
    start("min_version: \"1.3\"");

    for (int port : ports()) {
      assertThatThrownBy(() -> handshake(port, "TLSv1.2"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("protocol_version");
      assertThat(handshake(port, "TLSv1.3")).isEqualTo("TLSv1.3");
    }
  }

  private void start(String extra) throws Exception {
    String tls =
        TestTlsFiles.tls(TestTlsFiles.SERVER.certFile(), TestTlsFiles.SERVER.keyFile(), extra);
    running = RunningReceiver.startWithTls(tls);
  }

  private List<Integer> ports() {
    return List.of(running.grpcPort(), running.httpPort());
  }

  /** Handshakes with only {@code protocol} enabled; returns the version the server chose. */
  private static String handshake(int port, String protocol) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream ca = java.nio.file.Files.newInputStream(TestTlsFiles.CA.certFile())) {
      trusted.setCertificateEntry(
          "ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {protocol});
      parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"}); // gRPC needs h2
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession().getProtocol();
    }
  }

  /** The record type and the alert description (or second byte) the server answers with. */
  private static List<Integer> answerToTls11ClientHello(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(tls11ClientHello());
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.readUnsignedByte();
      in.skipNBytes(2 + 2); // record version and length
      in.readUnsignedByte(); // alert level (or handshake type)
      return List.of(type, in.readUnsignedByte());
    }
  }

  /**
   * A TLS 1.1 ClientHello: ECDHE and RSA suites a TLS 1.1 client would offer, the groups for them,
   * and no supported_versions extension, so 1.1 is the highest version it speaks.
   */
  private static byte[] tls11ClientHello() {
    ByteArrayOutputStream extensions = new ByteArrayOutputStream();
    extension(extensions, 0x000a, new byte[] {0, 4, 0, 0x17, 0, 0x1d}); // secp256r1, x25519
    extension(extensions, 0x000b, new byte[] {1, 0}); // ec_point_formats: uncompressed
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    hello.writeBytes(new byte[] {3, 2}); // client_version TLS 1.1
    hello.writeBytes(new byte[32]); // random
    hello.write(0); // no session id
    byte[] suites = {
      (byte) 0xc0, 0x09, (byte) 0xc0, 0x13, (byte) 0xc0, 0x0a, (byte) 0xc0, 0x14, 0, 0x2f, 0, 0x35
    };
    hello.writeBytes(new byte[] {0, (byte) suites.length});
    hello.writeBytes(suites);
    hello.writeBytes(new byte[] {1, 0}); // compression: null only
    hello.write(extensions.size() >> 8);
    hello.write(extensions.size());
    hello.writeBytes(extensions.toByteArray());
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    int handshakeLength = 4 + hello.size();
    record.writeBytes(new byte[] {0x16, 3, 1}); // handshake record, TLS 1.0 framing
    record.write(handshakeLength >> 8);
    record.write(handshakeLength);
    record.write(1); // ClientHello
    record.writeBytes(new byte[] {0, (byte) (hello.size() >> 8), (byte) hello.size()});
    record.writeBytes(hello.toByteArray());
    return record.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    out.writeBytes(new byte[] {(byte) (type >> 8), (byte) type, 0, (byte) data.length});
    out.writeBytes(data);
  }
}
