package otelgw.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpBackendGrpcTest {

  private OtlpBackend backend;
  private ManagedChannel channel;
  private TraceServiceGrpc.TraceServiceBlockingStub traces;

  @BeforeEach
  void setUp() {
    backend = OtlpBackend.start();
    channel = ManagedChannelBuilder.forTarget(backend.grpcEndpoint()).usePlaintext().build();
    traces = TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.close();
  }

  @Test
  void storesAndCountsEverySignal() {
    ExportTraceServiceRequest request = TestRequests.traces(3);

    ExportTraceServiceResponse response = traces.export(request);
    MetricsServiceGrpc.newBlockingStub(channel).export(TestRequests.metricsWithSixPoints());
    LogsServiceGrpc.newBlockingStub(channel).export(TestRequests.logs(4));

    assertThat(response.hasPartialSuccess()).isFalse();
    assertThat(backend.traceRequests()).containsExactly(request);
    assertThat(backend.spans()).extracting(s -> s.getName()).contains("span-0", "span-1", "span-2");
    assertThat(backend.spanCount()).isEqualTo(3);
    assertThat(backend.metricPointCount()).isEqualTo(6);
    assertThat(backend.metrics()).hasSize(5);
    assertThat(backend.logRecordCount()).isEqualTo(4);
    assertThat(backend.logRecords()).hasSize(4);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.GRPC)).isEqualTo(1);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.HTTP)).isZero();
    assertThat(backend.rawRequestBodies(OtlpSignal.TRACES)).containsExactly(request.toByteString());
    assertThat(backend.failedRequestCount()).isZero();
  }

  @Test
  void capturesMetadataOfTheCall() {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer t0k");

    traces
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
        .export(TestRequests.traces(1));

    assertThat(backend.receivedHeaders(OtlpSignal.TRACES))
        .containsEntry("authorization", List.of("Bearer t0k"));
    assertThat(backend.requests(OtlpSignal.TRACES).get(0).header("Authorization"))
        .contains("Bearer t0k");
  }

  @Test
  void acceptsGzipCompressedCalls() {
    traces.withCompression("gzip").export(TestRequests.traces(5));

    assertThat(backend.spanCount()).isEqualTo(5);
    assertThat(backend.receivedHeaders(OtlpSignal.TRACES))
        .containsEntry("grpc-encoding", List.of("gzip"));
  }

  @Test
  void unavailableCarriesRetryInfoAndIsNotStored() throws InvalidProtocolBufferException {
    backend.setFault(Fault.unavailable(Duration.ofMillis(1500)));

    StatusRuntimeException error = exportExpectingError(TestRequests.traces(2));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    com.google.rpc.Status status = StatusProto.fromThrowable(error);
    assertThat(status).isNotNull();
    assertThat(status.getDetailsList()).hasSize(1);
    RetryInfo retryInfo = status.getDetails(0).unpack(RetryInfo.class);
    assertThat(retryInfo.getRetryDelay().getSeconds()).isEqualTo(1);
    assertThat(retryInfo.getRetryDelay().getNanos()).isEqualTo(500_000_000);
    assertThat(backend.spanCount()).isZero();
    assertThat(backend.requestCount(OtlpSignal.TRACES)).isZero();
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(1);
  }

  @Test
  void arbitraryGrpcCodeWithoutDelayHasNoDetails() {
    backend.setFault(Fault.grpcStatus(Status.Code.PERMISSION_DENIED, Optional.empty()));

    StatusRuntimeException error = exportExpectingError(TestRequests.traces(1));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(StatusProto.fromThrowable(error).getDetailsList()).isEmpty();
  }

  @Test
  void badRequestIsInvalidArgument() {
    backend.setFault(Fault.badRequest());

    assertThat(exportExpectingError(TestRequests.traces(1)).getStatus().getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
  }

  @Test
  void failNextFailsOnlyThatManyRequests() {
    backend.failNext(2, Fault.throttled(Duration.ofSeconds(1)));

    assertThat(exportExpectingError(TestRequests.traces(1)).getStatus().getCode())
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(exportExpectingError(TestRequests.traces(1)).getStatus().getCode())
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    traces.export(TestRequests.traces(1));

    assertThat(backend.spanCount()).isEqualTo(1);
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(2);
  }

  @Test
  void partialSuccessIsAnsweredAndTheRequestKept() {
    backend.setFault(Fault.partialSuccess(2, "2 spans too old"));

    ExportTraceServiceResponse response = traces.export(TestRequests.traces(3));

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(2);
    assertThat(response.getPartialSuccess().getErrorMessage()).isEqualTo("2 spans too old");
    assertThat(backend.spanCount()).isEqualTo(3);
    assertThat(backend.failedRequestCount()).isZero();
  }

  @Test
  void slowAnswersAfterTheDelay() {
    Duration delay = Duration.ofMillis(300);
    backend.setFault(Fault.slow(delay));

    long started = System.nanoTime();
    traces.export(TestRequests.traces(1));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
    assertThat(backend.spanCount()).isEqualTo(1);
  }

  @Test
  void slowBackendTripsTheClientDeadline() {
    backend.setFault(Fault.slow(Duration.ofMinutes(5)));

    StatusRuntimeException error =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                traces
                    .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
                    .export(TestRequests.traces(1)));

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  private StatusRuntimeException exportExpectingError(ExportTraceServiceRequest request) {
    StatusRuntimeException error =
        catchThrowableOfType(StatusRuntimeException.class, () -> traces.export(request));
    assertThat(error).as("export should fail").isNotNull();
    return error;
  }
}
