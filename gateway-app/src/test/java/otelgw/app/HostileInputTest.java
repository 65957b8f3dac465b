package otelgw.app;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.testing.HostileOtlp;
import otelgw.testing.HostileOtlp.Nesting;
import otelgw.testing.OtlpBackend;
import otelgw.testing.RapidResetClient;
import otelgw.testing.RawGrpc;

/**
 * Hostile input against the running program, while a well-behaved SDK exports throughout: each
 * attack is answered with the right status, costs a bounded amount of heap, and the SDK's every
 * export succeeds.
 */
class HostileInputTest {

  private static final String TRACES = "opentelemetry.proto.collector.trace.v1.TraceService/Export";

  private static OtlpBackend backend;
  private static RunningGateway gateway;
  private static WellBehavedClient client;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HeapWatch heap;
  private int servedBefore;

  @BeforeAll
  static void start() throws Exception {
    backend = OtlpBackend.start();
    gateway =
        RunningGateway.start(
            """
            receivers:
              otlp:
                protocols:
                  grpc: { endpoint: "127.0.0.1:%GRPC_PORT%" }
                  http: { endpoint: "127.0.0.1:%HTTP_PORT%", read_timeout: 1s }
            exporters:
              otlphttp/backend:
                endpoint: http://127.0.0.1:BACKEND
                retry_on_failure: { initial_interval: 50ms, max_interval: 200ms }
            service:
              pipelines:
                traces: { receivers: [otlp], exporters: [otlphttp/backend] }
            """
                .replace("BACKEND", Integer.toString(backend.httpPort())));
    client = new WellBehavedClient(gateway);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
    System.out.printf(
        "well-behaved client: %d exports succeeded, %d failed%n",
        client.succeeded(), client.failed());
    assertThat(client.failed()).isZero();
    assertThat(gateway.counter("otelgw.pipeline.errors")).isZero();
    gateway.close();
    backend.close();
  }

  @BeforeEach
  void watch() {
    servedBefore = client.succeeded();
    heap = new HeapWatch();
  }

  /** The client was served during and after the attack, and never refused. */
  @AfterEach
  void clientWasServedThroughout() {
    heap.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> client.succeeded() >= servedBefore + 2);
    assertThat(client.failed()).isZero();
  }

  @Test
  void aTenGigabyteGzipBombOverHttp() throws Exception {
    byte[] bomb = HostileOtlp.gzipBomb(10L << 30);

    HttpResponse<String> answer = post("/v1/traces", bomb, "gzip");

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("once decompressed");
    report("10 GiB gzip bomb over HTTP (" + (bomb.length >> 20) + " MiB sent)");
    assertThat(heap.growthMib()).isLessThan(256);
  }

  @Test
  void aDeflateBombOverHttp() throws Exception {
    HttpResponse<String> answer = post("/v1/traces", HostileOtlp.deflateBomb(1L << 30), "deflate");

    assertThat(answer.statusCode()).isEqualTo(413);
    report("1 GiB deflate bomb over HTTP");
    assertThat(heap.growthMib()).isLessThan(256);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "snappy"})
  void encodingsOtelgwDoesNotDecode(String encoding) throws Exception {
    HttpResponse<String> answer = post("/v1/traces", new byte[1 << 10], encoding);

    assertThat(answer.statusCode()).isEqualTo(415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deflate", "zstd", "snappy"})
  void encodingsOtelgwDoesNotDecodeOverGrpc(String encoding) {
    double before = rejected("unsupported_media_type");
    try (RawGrpc grpc = new RawGrpc(gateway.grpcPort)) {
      // Never inflated: grpc refuses the encoding from the call's headers.
      assertThat(grpc.call(TRACES, new byte[1 << 20], encoding, Map.of()).getCode())
          .isEqualTo(Status.Code.UNIMPLEMENTED);
    }
    assertThat(rejected("unsupported_media_type")).isEqualTo(before + 1);
  }

  @Test
  void gzipBombsOverGrpc() {
    try (RawGrpc grpc = new RawGrpc(gateway.grpcPort)) {
      // 10 MB on the wire: over the 4 MiB limit before anything is inflated.
      assertThat(grpc.call(TRACES, HostileOtlp.gzipBomb(10L << 30), true, Map.of()).getCode())
          .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      // 1 MB on the wire: inflating stops at 4 MiB.
      assertThat(grpc.call(TRACES, HostileOtlp.gzipBomb(1L << 30), true, Map.of()).getCode())
          .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    }
    report("10 GiB and 1 GiB gzip bombs over gRPC");
    assertThat(heap.growthMib()).isLessThan(256);
  }

  @ParameterizedTest
  @EnumSource(Nesting.class)
  void attributeValuesTenThousandLevelsDeep(Nesting nesting) throws Exception {
    byte[] deep = HostileOtlp.deeplyNestedAttribute(10_000, nesting);

    assertThat(post("/v1/traces", deep, null).statusCode()).isEqualTo(400);
    try (RawGrpc grpc = new RawGrpc(gateway.grpcPort)) {
      assertThat(grpc.call(TRACES, deep, false, Map.of()).getCode())
          .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
    HttpResponse<String> json =
        post("/v1/traces", HostileOtlp.deeplyNestedJsonAttribute(10_000), null, "application/json");
    assertThat(json.statusCode()).isEqualTo(400);
  }

  @Test
  void groupsTenThousandLevelsDeep() throws Exception {
    assertThat(post("/v1/traces", HostileOtlp.deeplyNestedGroups(10_000), null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aMillionAttributes() throws Exception {
    byte[] request = HostileOtlp.manyAttributes(1_000_000);
    long spansBefore = backend.spanCount();
    long start = System.nanoTime();

    assertThat(post("/v1/traces", request, null).statusCode()).isEqualTo(200);

    long answered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                backend.spans().stream().anyMatch(span -> span.getAttributesCount() == 1_000_000));
    long delivered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "a million attributes (%d MB): answered in %d ms, at the backend in %d ms%n",
        request.length >> 20, answered, delivered);
    assertThat(backend.spanCount()).isGreaterThan(spansBefore);
  }

  @Test
  void aSlowlorisConnection() throws Exception {
    double before = gateway.counter("otelgw.receiver.rejected");
    double timeoutsBefore = readTimeouts();
    try (Socket socket = new Socket("127.0.0.1", gateway.httpPort)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      out.write("POST /v1/traces HTTP/1.1\r\nHost: x\r\n".getBytes(ISO_8859_1));
      ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
      trickle.scheduleAtFixedRate(
          () -> {
            try {
              out.write('X');
              out.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e); // closed: the trickle stops
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      trickle.shutdownNow();
      System.out.printf(
          "slowloris: closed after %d ms (read_timeout 1s)%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    assertThat(readTimeouts()).isEqualTo(timeoutsBefore + 1);
    assertThat(gateway.counter("otelgw.receiver.rejected")).isEqualTo(before + 1);
  }

  private static double readTimeouts() {
    return rejected("read_timeout");
  }

  private static double rejected(String reason) {
    return gateway.meters.find("otelgw.receiver.rejected").tag("reason", reason).counters().stream()
        .mapToDouble(c -> c.count())
        .sum();
  }

  @Test
  void aRapidResetClient() throws Exception {
    RapidResetClient.Outcome outcome =
        RapidResetClient.attack(gateway.grpcPort, "/" + TRACES, 5_000, Duration.ofSeconds(10));

    System.out.println("rapid reset: " + outcome);
    assertThat(outcome.goAwayError()).isEqualTo(RapidResetClient.ENHANCE_YOUR_CALM);
    assertThat(outcome.closed()).isTrue();
  }

  private void report(String attack) {
    System.out.printf("%s: heap grew by at most %d MiB%n", attack, heap.growthMib());
  }

  private HttpResponse<String> post(String path, byte[] body, String encoding) throws Exception {
    return post(path, body, encoding, "application/x-protobuf");
  }

  private HttpResponse<String> post(String path, byte[] body, String encoding, String type)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.httpUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(ISO_8859_1));
  }
}
