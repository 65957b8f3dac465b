package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.core.otlp.OtlpJson;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;
import otelgw.testing.ReceivedRequest;

/**
 * Metrics and logs captured from the JavaScript SDK's own exporters, posted to the gateway's
 * OTLP/HTTP receiver and forwarded to the backend over each transport: every item arrives once and
 * the request the backend decodes is the one the SDK sent. {@link ForwardingTest} does the same for
 * traces.
 */
class SdkCaptureForwardingTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  /** A capture, its signal and how many items (data points or log records) the README lists. */
  record Capture(String file, OtlpSignal signal, long items) {
    boolean isJson() {
      return file.endsWith(".json");
    }

    Message prototype() {
      return signal == OtlpSignal.METRICS
          ? ExportMetricsServiceRequest.getDefaultInstance()
          : ExportLogsServiceRequest.getDefaultInstance();
    }

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Arguments> captures() {
    List<Capture> captures =
        List.of(
            // A counter, a histogram, an up-down counter and a gauge: one point each.
            new Capture("js-metrics.pb", OtlpSignal.METRICS, 4),
            new Capture("js-metrics.json", OtlpSignal.METRICS, 4),
            new Capture("js-logs-string-body.pb", OtlpSignal.LOGS, 1),
            new Capture("js-logs-string-body.json", OtlpSignal.LOGS, 1),
            new Capture("js-logs-map-body.pb", OtlpSignal.LOGS, 1),
            new Capture("js-logs-map-body.json", OtlpSignal.LOGS, 1));
    return captures.stream()
        .flatMap(c -> Stream.of(Upstream.GRPC, Upstream.HTTP).map(u -> Arguments.of(c, u)));
  }

  @ParameterizedTest(name = "{0} to the backend over {1}")
  @MethodSource("captures")
  void captureArrivesOnceAndUnchanged(Capture capture, Upstream upstream) throws Exception {
    byte[] body = SdkCaptures.read(capture.file());
    Message expected =
        capture.isJson()
            ? OtlpJson.decode(body, capture.prototype())
            : capture.prototype().getParserForType().parseFrom(body);
    assertThat(expected.getUnknownFields().asMap()).as("the capture decodes cleanly").isEmpty();

    try (RunningGateway gateway = RunningGateway.start(GatewayConfigs.forward(backend, upstream))) {
      HttpResponse<byte[]> response =
          post(
              gateway,
              capture.signal(),
              capture.isJson() ? "application/json" : "application/x-protobuf",
              body);

      assertThat(response.statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> backend.requestCount(capture.signal()) >= 1);
      String accepted =
          capture.signal() == OtlpSignal.METRICS
              ? "otelcol.receiver.accepted.metric_points"
              : "otelcol.receiver.accepted.log_records";
      assertThat(gateway.counter(accepted)).isEqualTo(capture.items());
    }
    await().pollDelay(Duration.ofMillis(200)).until(() -> true);

    List<ReceivedRequest> received = backend.requests(capture.signal());
    assertThat(received).as("exactly one request arrives").hasSize(1);
    long items =
        capture.signal() == OtlpSignal.METRICS
            ? backend.metricPointCount()
            : backend.logRecordCount();
    assertThat(items).isEqualTo(capture.items());
    assertThat(received.get(0).message()).isEqualTo(expected);
    if (!capture.isJson() && upstream == Upstream.HTTP) {
      // A forward-only pipeline sends the bytes it received; the HTTP backend keeps them as they
      // arrived (the gRPC one only has the message, re-serialized).
      assertThat(received.get(0).body()).isEqualTo(ByteString.copyFrom(body));
    }
  }

  private HttpResponse<byte[]> post(
      RunningGateway gateway, OtlpSignal signal, String type, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway.httpUrl() + signal.httpPath()))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
