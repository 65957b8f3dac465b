package otelgw.app;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK's own OTLP exporters, pointed at a gateway under test, over gRPC or
 * HTTP/protobuf; each export waits for the gateway's answer.
 */
final class ClientExporters implements AutoCloseable {

  /** How an SDK talks to otelgw. */
  enum Protocol {
    GRPC,
    HTTP
  }

  private final SpanExporter spans;
  private final MetricExporter metrics;
  private final LogRecordExporter logs;

  ClientExporters(RunningGateway gateway, Protocol protocol, String compression) {
    if (protocol == Protocol.GRPC) {
      String url = gateway.grpcUrl();
      spans = OtlpGrpcSpanExporter.builder().setEndpoint(url).setCompression(compression).build();
      metrics =
          OtlpGrpcMetricExporter.builder().setEndpoint(url).setCompression(compression).build();
      logs =
          OtlpGrpcLogRecordExporter.builder().setEndpoint(url).setCompression(compression).build();
    } else {
      String url = gateway.httpUrl();
      spans =
          OtlpHttpSpanExporter.builder()
              .setEndpoint(url + "/v1/traces")
              .setCompression(compression)
              .build();
      metrics =
          OtlpHttpMetricExporter.builder()
              .setEndpoint(url + "/v1/metrics")
              .setCompression(compression)
              .build();
      logs =
          OtlpHttpLogRecordExporter.builder()
              .setEndpoint(url + "/v1/logs")
              .setCompression(compression)
              .build();
    }
  }

  boolean exportSpans(Collection<SpanData> data) {
    return succeeded(spans.export(data));
  }

  boolean exportMetrics(Collection<MetricData> data) {
    return succeeded(metrics.export(data));
  }

  boolean exportLogs(Collection<LogRecordData> data) {
    return succeeded(logs.export(data));
  }

  private static boolean succeeded(CompletableResultCode result) {
    return result.join(15, TimeUnit.SECONDS).isSuccess();
  }

  @Override
  public void close() {
    spans.shutdown().join(5, TimeUnit.SECONDS);
    metrics.shutdown().join(5, TimeUnit.SECONDS);
    logs.shutdown().join(5, TimeUnit.SECONDS);
  }
}
