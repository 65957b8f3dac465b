package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import otelgw.testing.OtlpBackend;

/**
 * Bytes the receiver's wire checks take but the parser does not (an invalid UTF-8 string inside a
 * span) reach a stage that decodes them after the client was answered. That is a drop counted by
 * reason, {@code otelgw.pipeline.dropped{reason=malformed}}, not a pipeline error, and the pipeline
 * goes on.
 */
class MalformedAfterAcceptanceTest {

  @Test
  void aBatchThatDoesNotDecodeIsACountedDrop() throws Exception {
    try (OtlpBackend backend = OtlpBackend.start();
        CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway =
            RunningGateway.start(
                """
                receivers:
                  otlp:
                    protocols:
                      http: { endpoint: "127.0.0.1:%HTTP_PORT%" }
                processors:
                  batch: { send_batch_size: 1, send_batch_max_size: 1 }
                exporters:
                  otlphttp/backend: { endpoint: "http://127.0.0.1:BACKEND" }
                service:
                  pipelines:
                    traces: { receivers: [otlp], processors: [batch], exporters: [otlphttp/backend] }
                """
                    .replace("BACKEND", Integer.toString(backend.httpPort())))) {
      // Two spans, so the batch processor splits the request and must decode it.
      assertThat(post(gateway, twoSpans("OKAY", "\u00ff\u00ff"))).isEqualTo(200);
      assertThat(post(gateway, twoSpans("good", "also"))).isEqualTo(200);

      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 2);
      assertThat(gateway.counter("otelgw.pipeline.dropped")).isEqualTo(2);
      assertThat(gateway.counter("otelgw.pipeline.errors")).isZero();
      assertThat(logs.lines())
          .anyMatch(
              line ->
                  line.startsWith("WARN")
                      && line.contains("dropped spans a stage could not decode")
                      && line.contains("(2 items)"));
    }
  }

  private static int post(RunningGateway gateway, byte[] body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Two spans named as given; a name with U+00FF becomes invalid UTF-8 (0xFF) on the wire. */
  private static byte[] twoSpans(String first, String second) {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .addScopeSpans(
                        ScopeSpans.newBuilder().addSpans(span(first, 1)).addSpans(span(second, 2))))
            .build();
    byte[] bytes = request.toByteArray();
    // U+00FF is C3 BF in UTF-8; make each pair a lone FF, which no UTF-8 string holds.
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == (byte) 0xC3 && bytes[i + 1] == (byte) 0xBF) {
        bytes[i] = (byte) 0xFF;
        bytes[i + 1] = (byte) 0xFF;
      }
    }
    return bytes;
  }

  private static Span span(String name, int id) {
    return Span.newBuilder()
        .setTraceId(
            ByteString.copyFrom(
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) id}))
        .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) id}))
        .setName(name)
        .build();
  }
}
