package otelgw.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtlpBackendHttpTest {

  private final HttpPost http = new HttpPost();
  private OtlpBackend backend;

  @BeforeEach
  void setUp() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void tearDown() {
    backend.close();
  }

  @Test
  void storesAndCountsEverySignal() throws Exception {
    ExportTraceServiceRequest request = TestRequests.traces(3);

    HttpResponse<byte[]> response =
        http.protobuf(backend.httpUrl(OtlpSignal.TRACES), request.toByteArray());
    post(OtlpSignal.METRICS, TestRequests.metricsWithSixPoints().toByteArray());
    post(OtlpSignal.LOGS, TestRequests.logs(4).toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    assertThat(ExportTraceServiceResponse.parseFrom(response.body()).hasPartialSuccess()).isFalse();
    assertThat(backend.traceRequests()).containsExactly(request);
    assertThat(backend.spanCount()).isEqualTo(3);
    assertThat(backend.metricPointCount()).isEqualTo(6);
    assertThat(backend.logRecordCount()).isEqualTo(4);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.HTTP)).isEqualTo(1);
    assertThat(backend.requestCount(OtlpSignal.TRACES, Transport.GRPC)).isZero();
  }

  @Test
  void acceptsGzipBodiesAndKeepsTheDecodedBytes() throws Exception {
    byte[] body = TestRequests.traces(4).toByteArray();

    HttpResponse<byte[]> response =
        http.protobuf(
            backend.httpUrl(OtlpSignal.TRACES),
            HttpPost.gzip(body),
            "Content-Encoding",
            "gzip",
            "Authorization",
            "Basic dXNlcg==");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.spanCount()).isEqualTo(4);
    assertThat(backend.rawRequestBodies(OtlpSignal.TRACES).get(0).toByteArray()).isEqualTo(body);
    assertThat(backend.receivedHeaders(OtlpSignal.TRACES))
        .containsEntry("authorization", List.of("Basic dXNlcg=="))
        .containsEntry("content-encoding", List.of("gzip"));
  }

  @Test
  void throttledAnswers429WithRetryAfterAndStatusBody() throws Exception {
    backend.setFault(Fault.throttled(Duration.ofMillis(1500)));

    HttpResponse<byte[]> response = post(OtlpSignal.TRACES, TestRequests.traces(1).toByteArray());

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("2");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    com.google.rpc.Status status = com.google.rpc.Status.parseFrom(response.body());
    assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED.value());
    assertThat(status.getMessage()).isNotEmpty();
    assertThat(status.getDetails(0).unpack(RetryInfo.class).getRetryDelay().getSeconds())
        .isEqualTo(1);
    assertThat(backend.spanCount()).isZero();
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(1);
  }

  @Test
  void arbitraryHttpStatusWithoutDelayHasNoRetryAfter() throws Exception {
    backend.setFault(Fault.status(502, Optional.empty()));

    HttpResponse<byte[]> response = post(OtlpSignal.LOGS, TestRequests.logs(1).toByteArray());

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    assertThat(com.google.rpc.Status.parseFrom(response.body()).getCode())
        .isEqualTo(Status.Code.UNAVAILABLE.value());
  }

  @Test
  void unavailableAndBadRequestMapTo503And400() throws Exception {
    backend.failNext(1, Fault.unavailable());
    backend.failNext(1, Fault.badRequest());
    byte[] body = TestRequests.traces(1).toByteArray();

    assertThat(post(OtlpSignal.TRACES, body).statusCode()).isEqualTo(503);
    assertThat(post(OtlpSignal.TRACES, body).statusCode()).isEqualTo(400);
    assertThat(post(OtlpSignal.TRACES, body).statusCode()).isEqualTo(200);
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(2);
    assertThat(backend.requestCount(OtlpSignal.TRACES)).isEqualTo(1);
  }

  @Test
  void partialSuccessIsAnsweredAndTheRequestKept() throws Exception {
    backend.setFault(Fault.partialSuccess(1, "one record dropped"));

    HttpResponse<byte[]> response = post(OtlpSignal.LOGS, TestRequests.logs(2).toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    ExportLogsServiceResponse answer = ExportLogsServiceResponse.parseFrom(response.body());
    assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
    assertThat(answer.getPartialSuccess().getErrorMessage()).isEqualTo("one record dropped");
    assertThat(backend.logRecordCount()).isEqualTo(2);
  }

  @Test
  void rejectsWhatIsNotOtlpProtobuf() throws Exception {
    byte[] body = TestRequests.traces(1).toByteArray();
    String url = backend.httpUrl(OtlpSignal.TRACES);

    assertThat(http.protobuf(backend.httpEndpoint() + "/v1/profiles", body).statusCode())
        .isEqualTo(404);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode())
        .isEqualTo(405);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")))
                .statusCode())
        .isEqualTo(415);
    assertThat(http.protobuf(url, new byte[] {(byte) 0xff, 0x01}).statusCode()).isEqualTo(400);
    assertThat(http.protobuf(url, body, "Content-Encoding", "gzip").statusCode()).isEqualTo(400);
    assertThat(http.protobuf(url, body, "Content-Encoding", "br").statusCode()).isEqualTo(400);
    assertThat(backend.requestCount(OtlpSignal.TRACES)).isZero();
    assertThat(backend.failedRequestCount(OtlpSignal.TRACES)).isEqualTo(5);
  }

  private HttpResponse<byte[]> post(OtlpSignal signal, byte[] body)
      throws IOException, InterruptedException {
    return http.protobuf(backend.httpUrl(signal), body);
  }
}
