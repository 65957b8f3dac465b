package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import otelgw.app.ClientExporters.Protocol;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;

/**
 * A backend that fails: otelgw honours its requested delay, gives up on what it refuses for good
 * (counted), and through an outage refuses new data retryably while delivering everything it
 * acknowledged once the backend is back.
 */
class BackendFailuresTest {

  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  private String config(GatewayConfigs.Upstream upstream, String extra) {
    String exporter = upstream == GatewayConfigs.Upstream.GRPC ? "otlp" : "otlphttp";
    String endpoint =
        upstream == GatewayConfigs.Upstream.GRPC
            ? "127.0.0.1:" + backend.grpcPort() + "\n    tls:\n      insecure: true"
            : "http://127.0.0.1:" + backend.httpPort();
    return """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%GRPC_PORT%
              http:
                endpoint: 127.0.0.1:%HTTP_PORT%
        exporters:
          EXPORTER:
            endpoint: ENDPOINT
        EXTRA
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [EXPORTER]
        """
        .replace("EXPORTER", exporter)
        .replace("ENDPOINT", endpoint)
        .replace("EXTRA", extra.indent(4).stripTrailing());
  }

  private static final String FAST_RETRY =
      """
      retry_on_failure:
        initial_interval: 50ms
        max_interval: 200ms
      """;

  @ParameterizedTest
  @EnumSource(GatewayConfigs.Upstream.class)
  void theBackendsRetryDelayIsWaitedOut(GatewayConfigs.Upstream upstream) throws Exception {
    backend.failNext(1, Fault.unavailable(Duration.ofSeconds(2)));
    try (RunningGateway gateway = RunningGateway.start(config(upstream, FAST_RETRY));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("delayed", 5))).isTrue();

      await().pollInterval(Duration.ofMillis(5)).until(() -> backend.failedRequestCount() == 1);
      long refusedAt = System.nanoTime();
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 5);
      long waitedMillis = (System.nanoTime() - refusedAt) / 1_000_000;

      // Without the server's delay the next attempt would come after 25-75 ms.
      assertThat(waitedMillis).isGreaterThanOrEqualTo(1_900);
      assertThat(gateway.counter("otelgw.exporter.retries")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(GatewayConfigs.Upstream.class)
  void aPermanentErrorIsDroppedCountedAndNotRetried(GatewayConfigs.Upstream upstream)
      throws Exception {
    backend.failNext(1, Fault.badRequest());
    try (RunningGateway gateway = RunningGateway.start(config(upstream, FAST_RETRY));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("bad", 5))).isTrue();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gateway.counter("otelgw.dropped.spans") == 5);
      assertThat(gateway.counter("otelcol.exporter.send_failed.spans")).isEqualTo(5);
      await().pollDelay(Duration.ofMillis(500)).until(() -> true);
      assertThat(backend.failedRequestCount()).isEqualTo(1);
      assertThat(backend.spanCount()).isZero();
      assertThat(gateway.counter("otelgw.exporter.retries")).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(GatewayConfigs.Upstream.class)
  void whatQueuesBehindASlowBackendGoesToItInOneCall(GatewayConfigs.Upstream upstream)
      throws Exception {
    backend.setFault(Fault.slow(Duration.ofSeconds(1)));
    String oneConsumer = "sending_queue:\n  num_consumers: 1\n";
    try (RunningGateway gateway = RunningGateway.start(config(upstream, oneConsumer));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      // Each request is acknowledged as it enters the pipeline; with no batch processor, each
      // is a batch of its own. The first goes out alone; the rest queue behind that slow call.
      for (int i = 0; i < 10; i++) {
        assertThat(client.exportSpans(TestTelemetry.spans("queued-" + i, 3))).isTrue();
      }

      await().atMost(Duration.ofSeconds(15)).until(() -> backend.spanCount() == 30);
      assertThat(backend.requestCount(OtlpSignal.TRACES)).isBetween(2, 3);
      assertThat(backend.traceRequests())
          .as("each request's resource kept whole in the merged call")
          .allSatisfy(r -> assertThat(r.getResourceSpansCount()).isPositive());
      assertThat(backend.traceRequests().stream().mapToInt(r -> r.getResourceSpansCount()).sum())
          .isEqualTo(10);
      assertThat(gateway.counter("otelcol.exporter.sent.spans")).isEqualTo(30);
    }
  }

  /**
   * The backend is down for 30 s while a client keeps sending. The queue stays within its bound,
   * the ring fills, the client is refused with UNAVAILABLE and a retry delay (never anything else),
   * and when the backend is back every acknowledged span arrives.
   */
  @Test
  void throughAnOutageEveryAcknowledgedSpanArrives() throws Exception {
    String queue =
        """
        sending_queue:
          queue_size: 10
          num_consumers: 2
        retry_on_failure:
          initial_interval: 100ms
          max_interval: 1s
          max_elapsed_time: 0s
        """;
    backend.stop();
    try (RunningGateway gateway =
        RunningGateway.start(config(GatewayConfigs.Upstream.GRPC, queue))) {
      ManagedChannel channel =
          NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort).usePlaintext().build();
      TraceServiceGrpc.TraceServiceBlockingStub client = TraceServiceGrpc.newBlockingStub(channel);
      long acknowledged = 0;
      long refused = 0;
      double largestQueue = 0;
      long outageEnds = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int request = 0;
      while (System.nanoTime() < outageEnds || refused == 0) {
        try {
          client
              .withDeadlineAfter(5, TimeUnit.SECONDS)
              .export(TestRequests.spans("outage-" + request++, 10, 100));
          acknowledged += 10;
        } catch (StatusRuntimeException e) {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          assertThat(StatusProto.fromThrowable(e).getDetailsList())
              .anySatisfy(detail -> assertThat(detail.is(RetryInfo.class)).isTrue());
          refused++;
          await().pollDelay(Duration.ofMillis(20)).until(() -> true); // a client backing off
        }
        largestQueue =
            Math.max(
                largestQueue, gateway.meters.get("otelcol.exporter.queue_size").gauge().value());
      }
      assertThat(largestQueue).isLessThanOrEqualTo(10);
      assertThat(acknowledged).isGreaterThan(10_000); // the whole ring and queue were filled
      assertThat(gateway.counter("otelcol.receiver.refused.spans")).isEqualTo(refused * 10);

      backend.restart();
      long expected = acknowledged;
      await().atMost(Duration.ofSeconds(60)).until(() -> backend.spanCount() >= expected);
      assertThat(backend.spanCount()).isEqualTo(acknowledged);
      assertThat(gateway.counter("otelgw.dropped.spans")).isZero();
      channel.shutdownNow();
    }
  }
}
