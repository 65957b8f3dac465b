package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;

/**
 * What shutdown could not deliver within its grace period is counted as dropped for shutdown and
 * reported in one warning per exporter; when everything was delivered, nothing is reported.
 */
class ShutdownReportTest {

  private static final String REPORT = "could not deliver everything within the shutdown grace";

  private OtlpBackend backend;
  private ManagedChannel channel;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    backend.close();
  }

  private String config() {
    return """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%GRPC_PORT%
        exporters:
          otlp/backend:
            endpoint: 127.0.0.1:BACKEND
            tls:
              insecure: true
            timeout: 60s
            sending_queue:
              queue_size: 100
              num_consumers: 1
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [otlp/backend]
        """
        .replace("BACKEND", Integer.toString(backend.grpcPort()));
  }

  private void send(RunningGateway gateway, int requests, int spansEach) {
    channel = NettyChannelBuilder.forAddress("127.0.0.1", gateway.grpcPort).usePlaintext().build();
    TraceServiceGrpc.TraceServiceBlockingStub client = TraceServiceGrpc.newBlockingStub(channel);
    for (int i = 0; i < requests; i++) {
      client
          .withDeadlineAfter(10, TimeUnit.SECONDS)
          .export(TestRequests.spans("shutdown-" + i, spansEach, 10));
    }
  }

  private static double droppedAtShutdown(RunningGateway gateway) {
    return gateway
        .meters
        .get("otelgw.dropped.spans")
        .tags("component", "otlp/backend", "reason", "shutdown")
        .counter()
        .count();
  }

  private static List<String> reports(CapturedLogs logs) {
    return logs.lines().stream().filter(line -> line.contains(REPORT)).toList();
  }

  @Test
  void anExporterWhoseBackendNeverAnswersReportsWhatItDropped() throws Exception {
    backend.setFault(new Fault.Slow(Duration.ofMinutes(10)));
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway = RunningGateway.start(config())) {
      send(gateway, 3, 10);
      // One request waits at the backend, two in the queue.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gateway.meters.get("otelcol.exporter.queue_size").gauge().value() == 2);

      gateway.shutdown(Duration.ofMillis(300));

      assertThat(droppedAtShutdown(gateway)).isEqualTo(30);
      assertThat(gateway.counter("otelgw.dropped.spans")).isEqualTo(30);
      assertThat(reports(logs))
          .singleElement()
          .asString()
          .startsWith("WARN otelgw.core.exporterhelper.QueuedRetryExporter: exporter otlp/backend:")
          .contains("dropped 30 spans");
      assertThat(backend.spanCount()).isZero();
    }
  }

  @Test
  void nothingIsReportedWhenEverythingWasDelivered() throws Exception {
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway = RunningGateway.start(config())) {
      send(gateway, 3, 10);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 30);

      gateway.shutdown(Duration.ofSeconds(5));

      assertThat(droppedAtShutdown(gateway)).isZero();
      assertThat(reports(logs)).isEmpty();
    }
  }
}
