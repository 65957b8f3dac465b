package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.RetryableException;
import otelgw.core.exporterhelper.Sender;
import otelgw.exporter.TestRequests;

class GrpcTlsTest {

  private final AtomicInteger received = new AtomicInteger();
  private Server server;
  private GrpcTransport transport;

  @AfterEach
  void stop() throws InterruptedException {
    if (transport != null) {
      transport.shutdown(Duration.ofSeconds(1));
    }
    if (server != null) {
      server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void trustsTheCaOfCaFile() throws Exception {
    startServer(ClientAuth.NONE);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "'");

    assertThat(received).hasValue(1);
  }

  @Test
  void aHostPortEndpointUsesTlsUnlessInsecure() throws Exception {
    startServer(ClientAuth.NONE);

    send("localhost:" + port(), "ca_file: '" + TestTls.CA + "'");

    assertThat(received).hasValue(1);
  }

  @Test
  void negotiatesTls13WhenThatIsTheMinimum() throws Exception {
    startServer(ClientAuth.NONE);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "', min_version: '1.3'");

    assertThat(received).hasValue(1);
  }

  @Test
  void refusesAServerItDoesNotTrust() throws Exception {
    startServer(ClientAuth.NONE);

    assertThatThrownBy(
            () -> send("https://localhost:" + port(), "ca_file: '" + TestTls.OTHER_CA + "'"))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("unable to find valid certification path");
    assertThat(received).hasValue(0);
  }

  @Test
  void insecureSkipVerifyTrustsAnyone() throws Exception {
    startServer(ClientAuth.NONE);

    send("https://localhost:" + port(), "insecure_skip_verify: true");

    assertThat(received).hasValue(1);
  }

  @Test
  void checksTheHostNameUnlessOverridden() throws Exception {
    startServer(ClientAuth.NONE);
    String byAddress = "https://127.0.0.1:" + port();

    assertThatThrownBy(() -> send(byAddress, "ca_file: '" + TestTls.CA + "'"))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
    transport.shutdown(Duration.ofSeconds(1));
    send(byAddress, "ca_file: '" + TestTls.CA + "', server_name_override: backend.internal");

    assertThat(received).hasValue(1);
  }

  @Test
  void presentsItsClientCertificate() throws Exception {
    startServer(ClientAuth.REQUIRE);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "', " + TestTls.CLIENT_KEYS);

    assertThat(received).hasValue(1);
  }

  @Test
  void withoutAClientCertificateMutualTlsFails() throws Exception {
    startServer(ClientAuth.REQUIRE);

    assertThatThrownBy(() -> send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "'"))
        .isInstanceOf(RetryableException.class);
  }

  @Test
  void startFailsOnAKeyThatIsNotPkcs8() {
    transport =
        transport(
            "https://localhost:1",
            "cert_file: '"
                + TestTls.CLIENT_CERT
                + "', key_file: '"
                + TestTls.CLIENT_KEY_SEC1
                + "'");

    assertThatThrownBy(transport::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
  }

  @Test
  void startFailsOnAMissingCaFile() {
    transport = transport("https://localhost:1", "ca_file: /no/such/ca.pem");

    assertThatThrownBy(transport::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/no/such/ca.pem");
  }

  private void send(String endpoint, String tls) throws Exception {
    transport = transport(endpoint, tls);
    Sender<TraceBatch> sender = transport.sender(BatchType.TRACES);
    transport.start();
    sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));
  }

  private static GrpcTransport transport(String endpoint, String tls) {
    ConfigProblems problems = new ConfigProblems();
    OtlpGrpcExporterConfig config =
        new OtlpGrpcExporterFactory()
            .parseConfig(
                ConfigNode.parse(
                    "endpoint: " + endpoint + "\ntimeout: 5s\ntls: { " + tls + " }",
                    "exporters.otlp",
                    problems));
    assertThat(problems.all()).isEmpty();
    return new GrpcTransport(config);
  }

  private void startServer(ClientAuth clientAuth) throws IOException {
    server =
        NettyServerBuilder.forAddress(new InetSocketAddress("localhost", 0))
            .sslContext(
                GrpcSslContexts.forServer(
                        new File(TestTls.SERVER_CERT), new File(TestTls.SERVER_KEY))
                    .trustManager(new File(TestTls.CA))
                    .clientAuth(clientAuth)
                    .build())
            .addService(
                new TraceServiceGrpc.TraceServiceImplBase() {
                  @Override
                  public void export(
                      ExportTraceServiceRequest request,
                      StreamObserver<ExportTraceServiceResponse> observer) {
                    received.incrementAndGet();
                    observer.onNext(ExportTraceServiceResponse.getDefaultInstance());
                    observer.onCompleted();
                  }
                })
            .build()
            .start();
  }

  private int port() {
    return server.getPort();
  }
}
