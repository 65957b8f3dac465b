package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.RetryableException;
import otelgw.core.exporterhelper.Sender;
import otelgw.exporter.TestRequests;

class HttpTlsTest {

  private final AtomicInteger received = new AtomicInteger();
  private HttpsServer server;
  private HttpTransport transport;

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.shutdown(Duration.ofSeconds(1));
    }
    server.stop(0);
  }

  @Test
  void trustsTheCaOfCaFile() throws Exception {
    startServer(false);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "'");

    assertThat(received).hasValue(1);
  }

  @Test
  void negotiatesTls13WhenThatIsTheMinimum() throws Exception {
    startServer(false);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "', min_version: '1.3'");

    assertThat(received).hasValue(1);
  }

  @Test
  void refusesAServerItDoesNotTrust() throws Exception {
    startServer(false);

    assertThatThrownBy(
            () -> send("https://localhost:" + port(), "ca_file: '" + TestTls.OTHER_CA + "'"))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("unable to find valid certification path");
    assertThat(received).hasValue(0);
  }

  @Test
  void insecureSkipVerifyTrustsAnyoneUnderAnyName() throws Exception {
    startServer(false);

    send("https://127.0.0.1:" + port(), "insecure_skip_verify: true");

    assertThat(received).hasValue(1);
  }

  @Test
  void checksTheHostName() throws Exception {
    startServer(false);

    assertThatThrownBy(() -> send("https://127.0.0.1:" + port(), "ca_file: '" + TestTls.CA + "'"))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
  }

  @Test
  void presentsItsClientCertificate() throws Exception {
    startServer(true);

    send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "', " + TestTls.CLIENT_KEYS);

    assertThat(received).hasValue(1);
  }

  @Test
  void withoutAClientCertificateMutualTlsFails() throws Exception {
    startServer(true);

    assertThatThrownBy(() -> send("https://localhost:" + port(), "ca_file: '" + TestTls.CA + "'"))
        .isInstanceOf(RetryableException.class);
  }

  private void send(String endpoint, String tls) throws Exception {
    if (transport != null) {
      transport.shutdown(Duration.ZERO);
    }
    ConfigProblems problems = new ConfigProblems();
    OtlpHttpExporterConfig config =
        new OtlpHttpExporterFactory()
            .parseConfig(
                ConfigNode.parse(
                    "endpoint: " + endpoint + "\ntimeout: 5s\ntls: { " + tls + " }",
                    "exporters.otlphttp",
                    problems));
    assertThat(problems.all()).isEmpty();
    transport = new HttpTransport(config, Clock.systemUTC());
    Sender<TraceBatch> sender = transport.sender(BatchType.TRACES);
    transport.start();
    sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));
  }

  private void startServer(boolean requireClientCertificate) throws Exception {
    TlsMaterial material = TlsMaterial.load(TestTls.settings(TestTls.SERVER_YAML));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        new KeyManager[] {material.keyManager().get()},
        new TrustManager[] {material.trustManager().get()},
        null);
    server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters parameters) {
            SSLParameters ssl = context.getDefaultSSLParameters();
            ssl.setNeedClientAuth(requireClientCertificate);
            parameters.setSSLParameters(ssl);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          try (exchange;
              InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
          }
        });
    server.start();
  }

  private int port() {
    return server.getAddress().getPort();
  }
}
