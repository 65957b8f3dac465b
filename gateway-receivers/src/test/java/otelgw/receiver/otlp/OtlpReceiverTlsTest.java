package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.assertSucceeds;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.testing.TestCertificates.Issued;

/**
 * TLS and mutual TLS on both protocols, with certificates made for the test: a client that trusts
 * the CA is served; with {@code client_ca_file}, only a client with a certificate from that CA is;
 * a plaintext client gets nowhere.
 */
class OtlpReceiverTlsTest {

  private RunningReceiver running;

  @AfterEach
  void tearDown() {
    running.close();
  }

  @Test
  void servesOtlpGrpcAndHttpOverTls() throws Exception {
    start("");

    try (SpanExporter grpc = grpcExporter("https", null);
        SpanExporter http = httpExporter("https", null)) {
      assertSucceeds(grpc.export(SdkData.spans(2)));
      assertSucceeds(http.export(SdkData.spans(3)));
    }
    assertThat(running.traces.items()).isEqualTo(5);
  }

  @Test
  void mutualTlsServesAClientWithACertificateFromTheClientCa() throws Exception {
    start("client_ca_file: \"" + TestTlsFiles.CA.certFile() + "\"");

    try (SpanExporter grpc = grpcExporter("https", TestTlsFiles.CLIENT);
        SpanExporter http = httpExporter("https", TestTlsFiles.CLIENT)) {
      assertSucceeds(grpc.export(SdkData.spans(1)));
      assertSucceeds(http.export(SdkData.spans(1)));
    }
    assertThat(running.traces.items()).isEqualTo(2);
  }

  @Test
  void mutualTlsRefusesAClientWithoutACertificate() throws Exception {
    start("client_ca_file: \"" + TestTlsFiles.CA.certFile() + "\"");

    try (SpanExporter grpc = grpcExporter("https", null);
        SpanExporter http = httpExporter("https", null)) {
      assertFails(grpc.export(SdkData.spans(1)));
      assertFails(http.export(SdkData.spans(1)));
    }
    assertThat(running.traces.batches()).isEmpty();
  }

  @Test
  void mutualTlsRefusesACertificateFromAnotherCa() throws Exception {
    start("client_ca_file: \"" + TestTlsFiles.CA.certFile() + "\"");

    try (SpanExporter grpc = grpcExporter("https", TestTlsFiles.ROGUE_CLIENT);
        SpanExporter http = httpExporter("https", TestTlsFiles.ROGUE_CLIENT)) {
      assertFails(grpc.export(SdkData.spans(1)));
      assertFails(http.export(SdkData.spans(1)));
    }
    assertThat(running.traces.batches()).isEmpty();
  }

  @Test
  void plaintextToATlsPortGetsNowhere() throws Exception {
    start("");

    try (SpanExporter grpc = grpcExporter("http", null);
        SpanExporter http = httpExporter("http", null)) {
      assertFails(grpc.export(SdkData.spans(1)));
      assertFails(http.export(SdkData.spans(1)));
    }
    // Whatever comes back to plain HTTP/1.1 is not an HTTP answer.
    try (Socket socket = new Socket("127.0.0.1", running.httpPort())) {
      socket.setSoTimeout(5_000);
      socket
          .getOutputStream()
          .write(
              RawHttp.request(
                  "POST",
                  "/v1/traces",
                  "application/x-protobuf",
                  Files.readAllBytes(OtlpHttpReceiverTest.TESTDATA.resolve("js-traces.pb"))));
      assertThat(new String(readUntilClosed(socket.getInputStream()), ISO_8859_1))
          .doesNotStartWith("HTTP/");
    }
    assertThat(running.traces.batches()).isEmpty();
  }

  private void start(String extra) throws Exception {
    String tls =
        TestTlsFiles.tls(TestTlsFiles.SERVER.certFile(), TestTlsFiles.SERVER.keyFile(), extra);
    running = RunningReceiver.startWithTls(tls);
  }

  private SpanExporter grpcExporter(String scheme, Issued client) throws Exception {
    var builder =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(scheme + "://127.0.0.1:" + running.grpcPort())
            .setTrustedCertificates(TestTlsFiles.CA.certPem())
            .setRetryPolicy(null)
            .setTimeout(5, TimeUnit.SECONDS);
    if (client != null) {
      builder.setClientTls(Files.readAllBytes(client.keyFile()), client.certPem());
    }
    return builder.build();
  }

  private SpanExporter httpExporter(String scheme, Issued client) throws Exception {
    var builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(scheme + "://127.0.0.1:" + running.httpPort() + "/v1/traces")
            .setTrustedCertificates(TestTlsFiles.CA.certPem())
            .setRetryPolicy(null)
            .setTimeout(5, TimeUnit.SECONDS);
    if (client != null) {
      builder.setClientTls(Files.readAllBytes(client.keyFile()), client.certPem());
    }
    return builder.build();
  }

  private static void assertFails(CompletableResultCode result) {
    assertThat(result.join(10, TimeUnit.SECONDS).isSuccess()).isFalse();
  }

  private static byte[] readUntilClosed(InputStream in) throws Exception {
    try {
      return in.readAllBytes();
    } catch (SocketException e) {
      return new byte[0]; // reset: refused just the same
    }
  }
}
