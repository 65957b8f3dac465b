package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static otelgw.receiver.otlp.OtlpHttpReceiverTest.TESTDATA;
import static otelgw.receiver.otlp.OtlpHttpReceiverTest.gzip;

import com.google.rpc.Status;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

/**
 * Requests the receiver must refuse, each answered with the right status and a {@code
 * google.rpc.Status} saying why, on a connection that then goes on serving.
 */
class OtlpHttpBadInputTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  private RunningReceiver running;
  private RawHttp http;
  private byte[] tracesPb;

  @BeforeEach
  void setUp() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              http: { endpoint: "127.0.0.1:0", max_request_body_size: 1MiB }
            """);
    http = new RawHttp(running.httpPort());
    tracesPb = Files.readAllBytes(TESTDATA.resolve("js-traces.pb"));
  }

  @AfterEach
  void tearDown() throws Exception {
    http.close();
    running.close();
  }

  @Test
  void truncatedProtobufIsABadRequest() throws Exception {
    byte[] truncated = Arrays.copyOf(tracesPb, tracesPb.length - 10);

    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, truncated);

    assertRefused(answer, 400, io.grpc.Status.Code.INVALID_ARGUMENT, "not a valid OTLP traces");
    assertThat(answer.header("content-type")).isEqualTo(PROTOBUF);
    assertStillServes();
  }

  @Test
  void invalidJsonIsABadRequestAnsweredInJson() throws Exception {
    byte[] json = "{\"resourceSpans\": [ {\"resource\": 12} ]}".getBytes(UTF_8);

    RawHttp.Response answer = http.post("/v1/traces", JSON, json);

    assertRefused(answer, 400, io.grpc.Status.Code.INVALID_ARGUMENT, "OTLP/JSON");
    assertThat(answer.header("content-type")).isEqualTo(JSON);
    assertStillServes();
  }

  @Test
  void brokenJsonSyntaxIsABadRequest() throws Exception {
    RawHttp.Response answer = http.post("/v1/logs", JSON, "{\"resourceLogs\": [".getBytes(UTF_8));

    assertRefused(answer, 400, io.grpc.Status.Code.INVALID_ARGUMENT, "OTLP/JSON logs");
    assertStillServes();
  }

  @Test
  void anotherContentTypeIsUnsupported() throws Exception {
    RawHttp.Response answer = http.post("/v1/traces", "text/plain", tracesPb);

    assertRefused(answer, 415, io.grpc.Status.Code.INVALID_ARGUMENT, "Content-Type must be");
    assertStillServes();
  }

  @Test
  void anotherContentEncodingIsUnsupported() throws Exception {
    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, tracesPb, "Content-Encoding: br");

    assertRefused(
        answer, 415, io.grpc.Status.Code.INVALID_ARGUMENT, "Content-Encoding br is not supported");
    assertStillServes();
  }

  @Test
  void corruptGzipIsABadRequest() throws Exception {
    byte[] gzipped = gzip(tracesPb);
    byte[] corrupt = Arrays.copyOf(gzipped, gzipped.length / 2);

    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, corrupt, "Content-Encoding: gzip");

    assertRefused(answer, 400, io.grpc.Status.Code.INVALID_ARGUMENT, "Content-Encoding");
    assertStillServes();
  }

  @Test
  void getIsNotAllowed() throws Exception {
    http.send(RawHttp.request("GET", "/v1/traces", null, new byte[0]));
    RawHttp.Response answer = http.read();

    assertRefused(answer, 405, io.grpc.Status.Code.UNIMPLEMENTED, "must use POST");
    assertThat(answer.header("allow")).isEqualTo("POST");
    assertStillServes();
  }

  @Test
  void anUnknownPathIsNotFound() throws Exception {
    RawHttp.Response answer = http.post("/v1/spans?secret=1", JSON, "{}".getBytes(UTF_8));

    assertRefused(answer, 404, io.grpc.Status.Code.NOT_FOUND, "/v1/traces, /v1/metrics, /v1/logs");
    assertThat(answer.rpcStatus().getMessage()).doesNotContain("secret").doesNotContain("spans?");
    assertThat(answer.header("content-type")).isEqualTo(JSON);
    assertStillServes();
  }

  @Test
  void aSignalWithoutPipelineIsNotFound() throws Exception {
    try (RunningReceiver tracesOnly = RunningReceiver.startWithPipelinesFor(Set.of(Signal.TRACES));
        RawHttp other = new RawHttp(tracesOnly.httpPort())) {
      RawHttp.Response answer =
          other.post(
              "/v1/logs", PROTOBUF, Files.readAllBytes(TESTDATA.resolve("js-logs-map-body.pb")));

      assertRefused(
          answer,
          404,
          io.grpc.Status.Code.UNIMPLEMENTED,
          "no pipeline takes logs from this receiver");
    }
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
    http.send(
        ("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
                + "Content-Length: 2097152\r\n\r\n")
            .getBytes(ISO_8859_1));

    RawHttp.Response answer = http.read();

    assertRefused(answer, 413, io.grpc.Status.Code.RESOURCE_EXHAUSTED, "max_request_body_size");
    assertNotRetryable(answer);
    assertThat(answer.header("connection")).isEqualTo("close");
    assertThat(http.closedByServer()).isTrue();
    assertThat(running.traces.batches()).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheLimitIsRefused() throws Exception {
    byte[] chunk = new byte[64 << 10];
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(
        ("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n")
            .getBytes(ISO_8859_1));
    for (int i = 0; i < 20; i++) { // 1.25 MiB against 1 MiB
      request.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(ISO_8859_1));
      request.writeBytes(chunk);
      request.writeBytes("\r\n".getBytes(ISO_8859_1));
    }
    request.writeBytes("0\r\n\r\n".getBytes(ISO_8859_1));

    http.send(request.toByteArray());
    RawHttp.Response answer = http.read();

    assertRefused(answer, 413, io.grpc.Status.Code.RESOURCE_EXHAUSTED, "max_request_body_size");
    assertNotRetryable(answer);
    assertThat(answer.header("connection")).isEqualTo("close");
  }

  @Test
  void aGzipBombCostsNoMoreThanTheLimit() throws Exception {
    // About 100 KB that inflate to 100 MiB, against a 1 MiB limit.
    byte[] bomb = gzippedZeros(100 << 20);
    assertThat(bomb.length).isLessThan(1 << 20);
    long allocatedBefore = allocatedBytes();

    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, bomb, "Content-Encoding: gzip");

    long allocated = allocatedBytes() - allocatedBefore;
    assertRefused(answer, 413, io.grpc.Status.Code.RESOURCE_EXHAUSTED, "once decompressed");
    assertNotRetryable(answer);
    // The inflated body would be 100 MiB; reading it stops at the 1 MiB limit. What is measured
    // is every thread's allocation meanwhile, the test's own included, so the bound is loose.
    assertThat(allocated).isLessThan(24L << 20);
    assertStillServes();
  }

  @Test
  void refusalIsServiceUnavailableWithRetryAfter() throws Exception {
    running.traces.refuse(true);

    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, tracesPb);

    assertRefused(answer, 503, io.grpc.Status.Code.UNAVAILABLE, "retry later");
    assertThat(answer.header("retry-after")).isEqualTo("1");
    running.traces.refuse(false);
    assertStillServes();
  }

  @Test
  void refusalOfJsonIsAnsweredInJson() throws Exception {
    running.traces.refuse(true);

    RawHttp.Response answer =
        http.post("/v1/traces", JSON, Files.readAllBytes(TESTDATA.resolve("js-traces.json")));

    assertRefused(answer, 503, io.grpc.Status.Code.UNAVAILABLE, "retry later");
    assertThat(answer.header("content-type")).isEqualTo(JSON);
    assertThat(answer.header("retry-after")).isEqualTo("1");
  }

  @Test
  void oversizedHeadersAreRefused() throws Exception {
    RawHttp.Response answer =
        http.post("/v1/traces", PROTOBUF, tracesPb, "X-Big: " + "a".repeat(20_000));

    assertRefused(answer, 431, io.grpc.Status.Code.RESOURCE_EXHAUSTED, "headers are larger");
    assertThat(answer.header("connection")).isEqualTo("close");
  }

  @Test
  void closesTheConnectionWhenTheClientAsks() throws Exception {
    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, tracesPb, "Connection: close");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("connection")).isEqualTo("close");
    assertThat(http.closedByServer()).isTrue();
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    byte[] json = Files.readAllBytes(TESTDATA.resolve("js-traces.json"));
    ByteArrayOutputStream requests = new ByteArrayOutputStream();
    // The JSON one is decoded off the event loop; the protobuf ones after it must wait for it.
    requests.writeBytes(RawHttp.request("POST", "/v1/traces", JSON, json));
    requests.writeBytes(RawHttp.request("POST", "/v1/traces", PROTOBUF, new byte[] {1, 2, 3}));
    requests.writeBytes(RawHttp.request("POST", "/v1/traces", PROTOBUF, tracesPb));

    http.send(requests.toByteArray());

    RawHttp.Response first = http.read();
    RawHttp.Response second = http.read();
    RawHttp.Response third = http.read();
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("content-type")).isEqualTo(JSON);
    assertThat(second.status()).isEqualTo(400);
    assertThat(third.status()).isEqualTo(200);
    assertThat(third.header("content-type")).isEqualTo(PROTOBUF);
    assertThat(running.traces.batches()).hasSize(2);
  }

  @Test
  void answersExpectContinue() throws Exception {
    http.send(
        ("POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
                + "Expect: 100-continue\r\nContent-Length: "
                + tracesPb.length
                + "\r\n\r\n")
            .getBytes(ISO_8859_1));
    assertThat(http.read().status()).isEqualTo(100);

    http.send(tracesPb);

    assertThat(http.read().status()).isEqualTo(200);
    assertThat(running.traces.items()).isEqualTo(1);
  }

  private void assertRefused(
      RawHttp.Response answer, int httpStatus, io.grpc.Status.Code code, String messagePart)
      throws Exception {
    assertThat(answer.status()).isEqualTo(httpStatus);
    Status status = answer.rpcStatus();
    assertThat(status.getCode()).isEqualTo(code.value());
    assertThat(status.getMessage()).contains(messagePart);
  }

  /**
   * Too large is not "come back later": the same body would be refused again, so neither a
   * Retry-After header nor a RetryInfo detail invites the client to retry it.
   */
  private static void assertNotRetryable(RawHttp.Response answer) throws Exception {
    assertThat(answer.header("retry-after")).as("Retry-After").isNull();
    assertThat(answer.rpcStatus().getDetailsList())
        .noneMatch(any -> any.is(com.google.rpc.RetryInfo.class));
  }

  /** The same connection takes a good request after a bad one. */
  private void assertStillServes() throws Exception {
    int before = running.traces.items();
    RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, tracesPb);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(running.traces.items()).isEqualTo(before + 1);
  }

  private static byte[] gzippedZeros(int size) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      for (int written = 0; written < size; written += zeros.length) {
        gzip.write(zeros);
      }
    }
    return out.toByteArray();
  }

  private static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }
}
