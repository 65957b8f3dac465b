package otelgw.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpBackendLifecycleTest {

  private final HttpPost http = new HttpPost();
  private OtlpBackend backend;
  private ManagedChannel channel;

  @BeforeEach
  void setUp() {
    backend = OtlpBackend.start();
    channel = ManagedChannelBuilder.forTarget(backend.grpcEndpoint()).usePlaintext().build();
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    backend.close();
  }

  @Test
  void endpointsNameTheLoopbackPorts() {
    assertThat(backend.grpcPort()).isPositive().isNotEqualTo(backend.httpPort());
    assertThat(backend.grpcEndpoint()).isEqualTo("127.0.0.1:" + backend.grpcPort());
    assertThat(backend.httpEndpoint()).isEqualTo("http://127.0.0.1:" + backend.httpPort());
    assertThat(backend.httpUrl(OtlpSignal.METRICS)).endsWith(backend.httpPort() + "/v1/metrics");
    assertThat(backend.isRunning()).isTrue();
  }

  @Test
  void stopRefusesConnectionsAndRestartServesOnTheSamePorts() throws Exception {
    byte[] body = TestRequests.traces(1).toByteArray();
    exportOverGrpc(1);
    assertThat(postTraces(body).statusCode()).isEqualTo(200);

    backend.stop();

    assertThat(backend.isRunning()).isFalse();
    assertThatThrownBy(() -> exportOverGrpc(0))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThatThrownBy(() -> postTraces(body)).isInstanceOf(IOException.class);

    backend.restart();

    assertThat(backend.isRunning()).isTrue();
    TraceServiceGrpc.newBlockingStub(channel)
        .withWaitForReady()
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .export(TestRequests.traces(1));
    assertThat(postTraces(body).statusCode()).isEqualTo(200);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.GRPC)).isEqualTo(2);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.HTTP)).isEqualTo(2);
  }

  @Test
  void stopDropsRequestsWaitingInASlowFault() {
    backend.setFault(Fault.slow(Duration.ofMinutes(5)));
    Future<ExportTraceServiceResponse> grpcCall =
        TraceServiceGrpc.newFutureStub(channel).export(TestRequests.traces(1));
    CompletableFuture<HttpResponse<byte[]>> httpCall = postLogsAsync();
    awaitArrivalOfTracesAndLogs();

    backend.stop();

    assertThat(failureOf(grpcCall)).isInstanceOf(StatusRuntimeException.class);
    assertThat(failureOf(httpCall)).isInstanceOf(IOException.class);
    await().untilAsserted(() -> assertThat(backend.failedRequestCount()).isEqualTo(2));
    assertThat(backend.spanCount()).isZero();
    assertThat(backend.logRecordCount()).isZero();
  }

  @Test
  void closeAnswersWaitingRequestsPromptlyAndIsIdempotent() throws Exception {
    backend.setFault(Fault.slow(Duration.ofMinutes(5)));
    Future<ExportTraceServiceResponse> grpcCall =
        TraceServiceGrpc.newFutureStub(channel).export(TestRequests.traces(1));
    CompletableFuture<HttpResponse<byte[]>> httpCall = postLogsAsync();
    awaitArrivalOfTracesAndLogs();

    backend.close();
    backend.close();

    assertThat(failureOf(grpcCall))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(httpCall.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
    assertThat(backend.isRunning()).isFalse();
    assertThatThrownBy(backend::restart).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void queuedFaultsApplyAcrossTransportsInArrivalOrder() throws Exception {
    backend.failNext(1, Fault.unavailable());
    backend.failNext(1, Fault.badRequest());

    assertThatThrownBy(() -> exportOverGrpc(1))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    assertThat(postTraces(TestRequests.traces(1).toByteArray()).statusCode()).isEqualTo(400);
    exportOverGrpc(1);

    assertThat(backend.spanCount()).isEqualTo(1);
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(2);
  }

  @Test
  void clearFaultsAndResetStartAfresh() throws Exception {
    backend.setFault(Fault.badRequest());
    backend.failNext(3, Fault.unavailable());
    backend.clearFaults();
    exportOverGrpc(2);
    backend.setFault(Fault.badRequest());

    backend.reset();

    assertThat(backend.spanCount()).isZero();
    assertThat(backend.traceRequests()).isEmpty();
    assertThat(backend.receivedHeaders(OtlpSignal.TRACES)).isEmpty();
    exportOverGrpc(3);
    assertThat(backend.spanCount()).isEqualTo(3);
    assertThat(backend.failedRequestCount()).isZero();
  }

  @Test
  void concurrentExportsAreAllCounted() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        calls.add(clients.submit(() -> exportOverGrpc(2)));
        calls.add(clients.submit(() -> postTraces(TestRequests.traces(1).toByteArray())));
      }
      for (Future<?> call : calls) {
        call.get(10, TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }

    assertThat(backend.spanCount()).isEqualTo(300);
    assertThat(backend.spans()).hasSize(300);
    assertThat(backend.requestCount(OtlpSignal.TRACES)).isEqualTo(200);
  }

  private ExportTraceServiceResponse exportOverGrpc(int spans) {
    return TraceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .export(TestRequests.traces(spans));
  }

  private HttpResponse<byte[]> postTraces(byte[] body) throws IOException, InterruptedException {
    return http.protobuf(backend.httpUrl(OtlpSignal.TRACES), body);
  }

  private CompletableFuture<HttpResponse<byte[]>> postLogsAsync() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(backend.httpUrl(OtlpSignal.LOGS)))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(TestRequests.logs(1).toByteArray()))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private void awaitArrivalOfTracesAndLogs() {
    await()
        .until(
            () ->
                !backend.receivedHeaders(OtlpSignal.TRACES).isEmpty()
                    && !backend.receivedHeaders(OtlpSignal.LOGS).isEmpty());
  }

  private static Throwable failureOf(Future<?> call) {
    try {
      call.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("call neither failed nor completed", e);
    }
    throw new AssertionError("call succeeded but should have failed");
  }
}
