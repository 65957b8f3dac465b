package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.assertSucceeds;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpReceiverTlsTest {

  @TempDir static Path dir;
  private static SelfSignedCertificate certificate;
  private RunningReceiver running;

  @BeforeAll
  static void createCertificate() throws Exception {
    certificate = SelfSignedCertificate.create(dir);
  }

  @BeforeEach
  void setUp() throws Exception {
    String tls =
        "{ cert_file: \""
            + certificate.certFile()
            + "\", key_file: \""
            + certificate.keyFile()
            + "\" }";
    running =
        RunningReceiver.start(
            "protocols:\n"
                + "  grpc: { endpoint: \"127.0.0.1:0\", tls: "
                + tls
                + " }\n"
                + "  http: { endpoint: \"127.0.0.1:0\", tls: "
                + tls
                + " }\n");
  }

  @AfterEach
  void tearDown() {
    running.close();
  }

  @Test
  void servesOtlpGrpcOverTls() throws Exception {
    try (OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint("https://127.0.0.1:" + running.grpcPort())
            .setTrustedCertificates(certificate.certPem())
            .build()) {
      assertSucceeds(exporter.export(SdkData.spans(2)));
    }
    assertThat(running.traces.items()).isEqualTo(2);
  }

  @Test
  void servesOtlpHttpOverTls() throws Exception {
    try (OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint("https://127.0.0.1:" + running.httpPort() + "/v1/traces")
            .setTrustedCertificates(certificate.certPem())
            .setCompression("gzip")
            .build()) {
      assertSucceeds(exporter.export(SdkData.spans(3)));
    }
    assertThat(running.traces.items()).isEqualTo(3);
  }
}
