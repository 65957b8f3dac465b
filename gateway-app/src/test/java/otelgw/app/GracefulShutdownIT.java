package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;

/**
 * SIGTERM under load, against the real jar: what otelgw acknowledged before it was told to stop
 * reaches the backend before it exits, even though the backend is slow and the queue is full.
 */
class GracefulShutdownIT {

  @TempDir Path dir;

  @Test
  void acknowledgedDataIsDeliveredBeforeExit() throws Exception {
    try (OtlpBackend backend = OtlpBackend.start()) {
      backend.setFault(Fault.slow(Duration.ofMillis(100)));
      int grpcPort = FreePorts.next();
      Path config = dir.resolve("config.yaml");
      Files.writeString(
          config,
          """
          receivers:
            otlp:
              protocols:
                grpc:
                  endpoint: 127.0.0.1:%d
          exporters:
            otlp:
              endpoint: 127.0.0.1:%d
              tls:
                insecure: true
              sending_queue:
                num_consumers: 2
                queue_size: 50
          service:
            pipelines:
              traces:
                receivers: [otlp]
                exporters: [otlp]
            telemetry:
              metrics:
                address: 127.0.0.1:%d
          """
              .formatted(grpcPort, backend.grpcPort(), FreePorts.next()));
      try (OtelgwProcess otelgw = OtelgwProcess.start("--config", config.toString());
          OtlpGrpcSpanExporter client =
              OtlpGrpcSpanExporter.builder()
                  .setEndpoint("http://127.0.0.1:" + grpcPort)
                  .setRetryPolicy(null)
                  .build()) {
        await().atMost(Duration.ofSeconds(30)).until(() -> listening(grpcPort));

        long acknowledged = 0;
        for (int request = 0; request < 30; request++) {
          List<SpanData> spans = TestTelemetry.spans("shutdown-" + request, 10);
          if (client.export(spans).join(10, TimeUnit.SECONDS).isSuccess()) {
            acknowledged += spans.size();
          }
        }
        assertThat(acknowledged).isEqualTo(300);
        assertThat(backend.spanCount())
            .as("the backend is behind when SIGTERM comes")
            .isLessThan(300);

        otelgw.terminate();
        assertThat(otelgw.waitFor(40)).as("otelgw exits within its grace period").isTrue();
        assertThat(backend.spanCount()).as(otelgw.err()).isEqualTo(acknowledged);
        assertThat(otelgw.err()).contains("shut down in");
      }
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
