package otelgw.app;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SDK that goes on exporting while a test attacks the gateway: a span every 25 ms, over gRPC and
 * HTTP in turn, without retries, so that every export that is not served shows as a failure.
 */
final class WellBehavedClient implements AutoCloseable {

  private final SpanExporter grpc;
  private final SpanExporter http;
  private final List<SpanData> span = TestTelemetry.spans("well-behaved", 1);
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
  private int sent;

  WellBehavedClient(RunningGateway gateway) {
    grpc =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(gateway.grpcUrl())
            .setRetryPolicy(null)
            .setTimeout(10, TimeUnit.SECONDS)
            .build();
    http =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(gateway.httpUrl() + "/v1/traces")
            .setRetryPolicy(null)
            .setTimeout(10, TimeUnit.SECONDS)
            .build();
    sender.scheduleWithFixedDelay(this::exportOne, 0, 25, TimeUnit.MILLISECONDS);
  }

  private void exportOne() {
    SpanExporter exporter = sent++ % 2 == 0 ? grpc : http;
    boolean ok = exporter.export(span).join(15, TimeUnit.SECONDS).isSuccess();
    (ok ? succeeded : failed).incrementAndGet();
  }

  int succeeded() {
    return succeeded.get();
  }

  int failed() {
    return failed.get();
  }

  @Override
  public void close() throws InterruptedException {
    sender.shutdown();
    sender.awaitTermination(20, TimeUnit.SECONDS);
    grpc.shutdown().join(5, TimeUnit.SECONDS);
    http.shutdown().join(5, TimeUnit.SECONDS);
  }
}
