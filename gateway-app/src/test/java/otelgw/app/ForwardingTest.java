package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.core.otlp.OtlpJson;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;

/** What the gateway does to the bytes it forwards, and how it answers bad input in passing. */
class ForwardingTest {

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

  @Test
  void forwardOnlyPipelineSendsTheBytesItReceived() throws Exception {
    byte[] javaSdkBody = SdkCaptures.read("java-traces.pb");
    try (RunningGateway gateway =
        RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC))) {
      HttpResponse<byte[]> response =
          post(gateway, "/v1/traces", "application/x-protobuf", javaSdkBody);

      assertThat(response.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 3);
      assertThat(backend.rawRequestBodies(OtlpSignal.TRACES))
          .containsExactly(ByteString.copyFrom(javaSdkBody));
    }
  }

  @Test
  void jsonFromTheJavaScriptSdkArrivesAsTheSameSpans() throws Exception {
    byte[] json = SdkCaptures.read("js-traces.json");
    ExportTraceServiceRequest expected =
        OtlpJson.decode(json, ExportTraceServiceRequest.getDefaultInstance());
    try (RunningGateway gateway =
        RunningGateway.start(GatewayConfigs.forward(backend, Upstream.HTTP))) {
      HttpResponse<byte[]> response = post(gateway, "/v1/traces", "application/json", json);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 1);
      assertThat(backend.traceRequests()).containsExactly(expected);
      String traceIdHex =
          HexFormat.of().formatHex(backend.spans().get(0).getTraceId().toByteArray());
      assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains(traceIdHex);
    }
  }

  @Test
  void badRequestIsRefusedAndTheNextClientIsServed() throws Exception {
    byte[] good = SdkCaptures.read("java-traces.pb");
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    try (RunningGateway gateway =
        RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC))) {
      HttpResponse<byte[]> bad = post(gateway, "/v1/traces", "application/x-protobuf", truncated);
      HttpResponse<byte[]> invalidJson =
          post(gateway, "/v1/traces", "application/json", "{\"resourceSpans\": [".getBytes());
      HttpResponse<byte[]> next = post(gateway, "/v1/traces", "application/x-protobuf", good);

      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(com.google.rpc.Status.parseFrom(bad.body()).getMessage()).isNotBlank();
      assertThat(invalidJson.statusCode()).isEqualTo(400);
      assertThat(next.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 3);
      assertThat(gateway.counter("otelcol.receiver.accepted.spans")).isEqualTo(3);
    }
  }

  private HttpResponse<byte[]> post(RunningGateway gateway, String path, String type, byte[] body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }
}
