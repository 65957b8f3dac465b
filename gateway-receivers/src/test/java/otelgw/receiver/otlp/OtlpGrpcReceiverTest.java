package otelgw.receiver.otlp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.RetryInfo;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.Signal;
import otelgw.core.telemetry.MetricNames;

class OtlpGrpcReceiverTest {

  private RunningReceiver running;
  private ManagedChannel channel;

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (running != null) {
      running.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesSpansFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(running.grpcEndpoint())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.spans(3)));
    }

    assertThat(running.traces.batches()).hasSize(1);
    assertThat(running.traces.items()).isEqualTo(3);
    ExportTraceServiceRequest request = running.traces.batches().get(0).message();
    ResourceSpans resource = request.getResourceSpans(0);
    assertThat(resource.getResource().getAttributesList())
        .contains(stringAttribute("service.name", "checkout"));
    assertThat(resource.getScopeSpans(0).getSpansList())
        .allSatisfy(
            span ->
                assertThat(span.getAttributesList())
                    .contains(stringAttribute("http.route", "/cart")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesMetricsFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpGrpcMetricExporter exporter =
        OtlpGrpcMetricExporter.builder()
            .setEndpoint(running.grpcEndpoint())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.metrics()));
    }

    assertThat(running.metrics.items()).isEqualTo(3);
    assertThat(
            running
                .metrics
                .batches()
                .get(0)
                .message()
                .getResourceMetrics(0)
                .getResource()
                .getAttributesList())
        .contains(stringAttribute("service.name", "checkout"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesLogsFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpGrpcLogRecordExporter exporter =
        OtlpGrpcLogRecordExporter.builder()
            .setEndpoint(running.grpcEndpoint())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.logs(4)));
    }

    assertThat(running.logs.items()).isEqualTo(4);
    LogRecord first =
        running.logs.batches().get(0).message().getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(first.getBody().getStringValue()).isEqualTo("signed in");
    assertThat(first.getAttributesList()).contains(stringAttribute("user.action", "login"));
  }

  @Test
  void countsWhatItAcceptsWithTheGrpcTransportLabel() throws Exception {
    running = RunningReceiver.start();
    try (OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder().setEndpoint(running.grpcEndpoint()).build()) {
      assertSucceeds(exporter.export(SdkData.spans(2)));
    }

    assertThat(
            running
                .meters
                .get(MetricNames.receiverAccepted(Signal.TRACES))
                .tag("transport", "grpc")
                .counter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void refusesWithUnavailableAndRetryInfoWhenThePipelineIsFull() throws Exception {
    running = RunningReceiver.start();
    running.traces.refuse(true);

    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () -> TraceServiceGrpc.newBlockingStub(channel()).export(traceRequest(1, "")));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertThat(status.getMessage()).contains("retry later");
    assertThat(status.getDetailsList()).hasSize(1);
    RetryInfo retry = status.getDetails(0).unpack(RetryInfo.class);
    assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(1);
    assertThat(running.traces.batches()).isEmpty();
  }

  @Test
  void theSdkExporterFailsWhenRefused() throws Exception {
    running = RunningReceiver.start();
    running.traces.refuse(true);
    try (OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder()
            .setEndpoint(running.grpcEndpoint())
            .setRetryPolicy(null)
            .build()) {
      CompletableResultCode result = exporter.export(SdkData.spans(1)).join(10, SECONDS);
      assertThat(result.isDone()).isTrue();
      assertThat(result.isSuccess()).isFalse();
    }
  }

  @Test
  void answersInvalidArgumentToMalformedProtobuf() throws Exception {
    running = RunningReceiver.start();
    byte[] truncated = traceRequest(2, "").toByteArray();
    truncated = java.util.Arrays.copyOf(truncated, truncated.length - 5);

    StatusRuntimeException error = rawExport(Signal.TRACES, truncated);

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription())
        .contains("not a valid OTLP traces export request");
    // The server goes on serving.
    TraceServiceGrpc.newBlockingStub(channel()).export(traceRequest(1, ""));
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @Test
  void answersResourceExhaustedToAMessageOverTheSizeLimit() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              grpc: { endpoint: "127.0.0.1:0", max_recv_msg_size_mib: 1 }
            """);

    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                TraceServiceGrpc.newBlockingStub(channel())
                    .export(traceRequest(1, "x".repeat(2 << 20))));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertNotRetryable(error);
    assertThat(running.traces.batches()).isEmpty();
    TraceServiceGrpc.newBlockingStub(channel()).export(traceRequest(1, "small"));
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @Test
  void limitsTheDecompressedSizeToo() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              grpc: { endpoint: "127.0.0.1:0", max_recv_msg_size_mib: 1 }
            """);

    // Compresses to a few KiB, but is 4 MiB once inflated.
    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                TraceServiceGrpc.newBlockingStub(channel())
                    .withCompression("gzip")
                    .export(traceRequest(1, "x".repeat(4 << 20))));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(error.getStatus().getDescription()).contains("max_recv_msg_size_mib (1 MiB)");
    assertNotRetryable(error);
  }

  @Test
  void answersUnimplementedForASignalNoPipelineTakes() throws Exception {
    running = RunningReceiver.startWithPipelinesFor(Set.of(Signal.TRACES));

    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                LogsServiceGrpc.newBlockingStub(channel())
                    .export(
                        ExportLogsServiceRequest.newBuilder()
                            .addResourceLogs(
                                ResourceLogs.newBuilder()
                                    .addScopeLogs(
                                        ScopeLogs.newBuilder()
                                            .addLogRecords(LogRecord.newBuilder())))
                            .build()));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
    assertThat(error.getStatus().getDescription())
        .isEqualTo("no pipeline takes logs from this receiver");
  }

  @Test
  void servesTheExactOtlpMethodNames() {
    assertThat(GrpcExportMethod.fullMethodName(Signal.TRACES))
        .isEqualTo("opentelemetry.proto.collector.trace.v1.TraceService/Export");
    assertThat(GrpcExportMethod.fullMethodName(Signal.METRICS))
        .isEqualTo("opentelemetry.proto.collector.metrics.v1.MetricsService/Export");
    assertThat(GrpcExportMethod.fullMethodName(Signal.LOGS))
        .isEqualTo("opentelemetry.proto.collector.logs.v1.LogsService/Export");
  }

  private ManagedChannel channel() {
    if (channel == null) {
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", running.grpcPort()).usePlaintext().build();
    }
    return channel;
  }

  private StatusRuntimeException rawExport(Signal signal, byte[] body) {
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(GrpcExportMethod.fullMethodName(signal))
            .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
            .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
            .build();
    return catchThrowableOfType(
        StatusRuntimeException.class,
        () -> ClientCalls.blockingUnaryCall(channel(), method, CallOptions.DEFAULT, body));
  }

  static ExportTraceServiceRequest traceRequest(int spans, String attributeValue) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setTraceId(ByteString.copyFrom(new byte[16]))
              .setSpanId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) i}))
              .setName("span-" + i)
              .addAttributes(stringAttribute("payload", attributeValue)));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
        .build();
  }

  static KeyValue stringAttribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  /**
   * Too large is not "come back later": the same request would be refused again, so the status
   * carries no RetryInfo that would make an OTLP client retry it.
   */
  private static void assertNotRetryable(StatusRuntimeException error) {
    com.google.rpc.Status details = StatusProto.fromThrowable(error);
    if (details != null) {
      assertThat(details.getDetailsList())
          .as("status details of %s", error.getStatus())
          .noneMatch(any -> any.is(RetryInfo.class));
    }
  }

  static void assertSucceeds(CompletableResultCode result) {
    assertThat(result.join(10, SECONDS).isSuccess())
        .as("export succeeded (failure: %s)", result.getFailureThrowable())
        .isTrue();
  }
}
