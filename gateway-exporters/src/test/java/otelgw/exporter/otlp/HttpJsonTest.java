package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.PermanentException;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.otlp.OtlpJson;
import otelgw.exporter.TestRequests;

/** {@code encoding: json}, against a small server since the test backend speaks protobuf only. */
class HttpJsonTest {

  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "{}";
  private HttpServer server;
  private HttpTransport transport;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange;
              InputStream body = new GZIPInputStream(exchange.getRequestBody())) {
            bodies.add(body.readAllBytes());
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(reply);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.shutdown(Duration.ofSeconds(1));
    }
    server.stop(0);
  }

  @Test
  void postsOtlpJson() throws Exception {
    ExportTraceServiceRequest request = TestRequests.traces(2);

    PartialSuccess result = sender().send(BatchType.TRACES.fromWire(request.toByteArray()));

    assertThat(result).isEqualTo(PartialSuccess.NONE);
    assertThat(contentTypes).containsExactly("application/json");
    assertThat(OtlpJson.decode(bodies.get(0), ExportTraceServiceRequest.getDefaultInstance()))
        .isEqualTo(request);
    assertThat(new String(bodies.get(0), StandardCharsets.UTF_8))
        .contains("\"traceId\":\"" + TestRequests.TRACE_ID + "\"");
  }

  @Test
  void readsAJsonPartialSuccess() throws Exception {
    answer = "{\"partialSuccess\":{\"rejectedSpans\":\"1\",\"errorMessage\":\"too old\"}}";

    PartialSuccess result = sender().send(BatchType.TRACES.fromMessage(TestRequests.traces(2)));

    assertThat(result).isEqualTo(new PartialSuccess(1, "too old"));
  }

  @Test
  void readsAJsonErrorStatus() throws Exception {
    status = 400;
    answer = "{\"code\":3,\"message\":\"bad span\"}";
    Sender<TraceBatch> sender = sender();

    assertThatThrownBy(() -> sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1))))
        .isInstanceOf(PermanentException.class)
        .hasMessage("backend answered HTTP 400: bad span");
  }

  private Sender<TraceBatch> sender() throws Exception {
    ConfigProblems problems = new ConfigProblems();
    OtlpHttpExporterConfig config =
        new OtlpHttpExporterFactory()
            .parseConfig(
                ConfigNode.parse(
                    "endpoint: http://127.0.0.1:"
                        + server.getAddress().getPort()
                        + "\nencoding: json",
                    "exporters.otlphttp",
                    problems));
    assertThat(problems.all()).isEmpty();
    transport = new HttpTransport(config, Clock.systemUTC());
    Sender<TraceBatch> sender = transport.sender(BatchType.TRACES);
    transport.start();
    return sender;
  }
}
