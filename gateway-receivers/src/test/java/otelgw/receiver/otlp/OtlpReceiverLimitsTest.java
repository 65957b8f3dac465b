package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.assertSucceeds;

import io.grpc.Status;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.Signal;
import otelgw.core.telemetry.MetricNames;
import otelgw.testing.HostileOtlp;
import otelgw.testing.HostileOtlp.Nesting;
import otelgw.testing.RapidResetClient;
import otelgw.testing.RawGrpc;

/**
 * Each limit holds against a request built to break it, answered with the right status and counted
 * by reason, and the receiver goes on serving.
 */
class OtlpReceiverLimitsTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String TRACES = GrpcExportMethod.fullMethodName(Signal.TRACES);

  private RunningReceiver running;

  @BeforeEach
  void setUp() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              grpc: { endpoint: "127.0.0.1:0" }
              http: { endpoint: "127.0.0.1:0", read_timeout: 500ms }
            """);
  }

  @AfterEach
  void tearDown() {
    running.close();
  }

  @ParameterizedTest
  @EnumSource(Nesting.class)
  void refusesAttributeValuesTenThousandLevelsDeep(Nesting nesting) throws Exception {
    byte[] deep = HostileOtlp.deeplyNestedAttribute(10_000, nesting);

    try (RawHttp http = new RawHttp(running.httpPort());
        RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, deep);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.rpcStatus().getMessage()).contains("nest deeper than 100 levels");

      Status status = grpc.call(TRACES, deep, false, Map.of());
      assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).contains("nest deeper than 100 levels");
    }
    assertThat(running.traces.batches()).isEmpty();
    assertThat(rejected("http", "malformed")).isEqualTo(1);
    assertThat(rejected("grpc", "malformed")).isEqualTo(1);
  }

  @Test
  void refusesProtobufDeeperThanAConfiguredMaxNestingDepth() throws Exception {
    byte[] deep = HostileOtlp.deeplyNestedAttribute(30, Nesting.ARRAY);
    try (RunningReceiver strict =
            RunningReceiver.start(
                """
                max_nesting_depth: 20
                protocols:
                  grpc: { endpoint: "127.0.0.1:0" }
                  http: { endpoint: "127.0.0.1:0" }
                """);
        RawHttp http = new RawHttp(strict.httpPort());
        RawGrpc grpc = new RawGrpc(strict.grpcPort())) {
      RawHttp.Response answer = http.post("/v1/traces", PROTOBUF, deep);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.rpcStatus().getMessage()).contains("nest deeper than 20 levels");

      Status status = grpc.call(TRACES, deep, false, Map.of());
      assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription()).contains("nest deeper than 20 levels");

      assertThat(strict.traces.batches()).isEmpty();
      assertThat(strict.counter(MetricNames.RECEIVER_REJECTED, "reason", "malformed")).isEqualTo(2);
    }
    // The default takes it.
    try (RawHttp http = new RawHttp(running.httpPort())) {
      assertThat(http.post("/v1/traces", PROTOBUF, deep).status()).isEqualTo(200);
    }
  }

  @Test
  void refusesGroupsTenThousandLevelsDeep() throws Exception {
    byte[] deep = HostileOtlp.deeplyNestedGroups(10_000);

    try (RawHttp http = new RawHttp(running.httpPort());
        RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      assertThat(http.post("/v1/traces", PROTOBUF, deep).status()).isEqualTo(400);
      assertThat(grpc.call(TRACES, deep, false, Map.of()).getCode())
          .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
    assertThat(running.traces.batches()).isEmpty();
  }

  @Test
  void refusesJsonTenThousandLevelsDeep() throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          http.post(
              "/v1/traces", "application/json", HostileOtlp.deeplyNestedJsonAttribute(10_000));

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.rpcStatus().getMessage()).contains("nests deeper than 64 levels");
    }
  }

  @Test
  void refusesJsonDeeperThanAConfiguredMaxJsonNestingDepth() throws Exception {
    // About 12 levels of request, then 3 per nested array value: 8 of them make 36 or so.
    byte[] deep = HostileOtlp.deeplyNestedJsonAttribute(8);
    try (RunningReceiver strict =
            RunningReceiver.start(
                """
                protocols:
                  http: { endpoint: "127.0.0.1:0", max_json_nesting_depth: 20 }
                """);
        RawHttp http = new RawHttp(strict.httpPort())) {
      RawHttp.Response answer = http.post("/v1/traces", "application/json", deep);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.rpcStatus().getMessage()).contains("nests deeper than 20 levels");
      assertThat(strict.counter(MetricNames.RECEIVER_REJECTED, "reason", "malformed")).isEqualTo(1);
    }
    try (RawHttp http = new RawHttp(running.httpPort())) {
      assertThat(http.post("/v1/traces", "application/json", deep).status()).isEqualTo(200);
    }
  }

  @Test
  void takesAMillionAttributesWithinSeconds() throws Exception {
    byte[] request = HostileOtlp.manyAttributes(1_000_000);
    long start = System.nanoTime();

    try (RawHttp http = new RawHttp(running.httpPort())) {
      assertThat(http.post("/v1/traces", PROTOBUF, request).status()).isEqualTo(200);
    }

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    System.out.printf(
        "a million attributes (%d bytes) answered in %d ms%n", request.length, millis);
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zstd", "snappy", "br", "lz4"})
  void refusesEncodingsItDoesNotDecodeWith415(String encoding) throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          http.post("/v1/traces", PROTOBUF, new byte[100], "Content-Encoding: " + encoding);

      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.rpcStatus().getMessage())
          .isEqualTo(
              "Content-Encoding "
                  + encoding
                  + " is not supported by otelgw; use gzip, deflate or identity");
    }
    assertThat(rejected("http", "unsupported_media_type")).isEqualTo(1);
  }

  @Test
  void doesNotRepeatAnUnknownEncodingBack() throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          http.post("/v1/traces", PROTOBUF, new byte[10], "Content-Encoding: <script>x</script>");

      assertThat(answer.status()).isEqualTo(415);
      assertThat(answer.rpcStatus().getMessage())
          .isEqualTo("Content-Encoding must be gzip, deflate or identity");
    }
  }

  @Test
  void boundsADeflateBombAsAGzipOne() throws Exception {
    byte[] bomb = HostileOtlp.deflateBomb(256L << 20);

    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          http.post("/v1/traces", PROTOBUF, bomb, "Content-Encoding: deflate");

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.rpcStatus().getMessage()).contains("once decompressed");
    }
    assertThat(rejected("http", "too_large")).isEqualTo(1);
  }

  @Test
  void boundsAGrpcGzipBomb() {
    // About 1 MB on the wire, under the 4 MiB limit; 1 GiB once inflated.
    byte[] bomb = HostileOtlp.gzipBomb(1L << 30);

    try (RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      Status status = grpc.call(TRACES, bomb, true, Map.of());

      assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(status.getDescription())
          .contains("max_recv_msg_size_mib (4 MiB) once decompressed");
    }
    assertThat(rejected("grpc", "too_large")).isEqualTo(1);
  }

  @Test
  void countsAGrpcMessageOverItsLimitAsSent() {
    // 5 MiB as sent: grpc refuses it from its length prefix, before any of it reaches otelgw.
    byte[] oversize = new byte[5 << 20];
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    GrpcOversizeCount.DEFRAME_LOG.addHandler(capture);
    try (RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      Status status = grpc.call(TRACES, oversize, false, Map.of());

      assertThat(status.getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(status.getDescription()).contains("exceeds maximum size 4194304");
      await().atMost(Duration.ofSeconds(5)).until(() -> rejected("grpc", "too_large") == 1);
    } finally {
      GrpcOversizeCount.DEFRAME_LOG.removeHandler(capture);
    }
    assertThat(running.traces.batches()).isEmpty();
    // Counted, not logged with a stack trace per request.
    assertThat(logged).isEmpty();
  }

  @Test
  void countsHttpConnectionsClosedWhenIdle() throws Exception {
    try (RunningReceiver idle =
            RunningReceiver.start(
                """
                protocols:
                  http: { endpoint: "127.0.0.1:0", idle_timeout: 300ms }
                """);
        RawHttp http = new RawHttp(idle.httpPort())) {
      assertThat(http.post("/v1/traces", PROTOBUF, new byte[0]).status()).isEqualTo(200);

      assertThat(http.closedByServer()).isTrue();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> idle.counter(MetricNames.RECEIVER_IDLE_CLOSED, "transport", "http") == 1);
    }
  }

  @Test
  void closesAndCountsAnHttpConnectionOverMaxConnections() throws Exception {
    try (RunningReceiver capped =
            RunningReceiver.start(
                """
                protocols:
                  http: { endpoint: "127.0.0.1:0", max_connections: 2 }
                """);
        RawHttp first = new RawHttp(capped.httpPort());
        RawHttp second = new RawHttp(capped.httpPort())) {
      // Served one after the other, so both are in the server's count before the third comes.
      assertThat(first.post("/v1/traces", PROTOBUF, new byte[0]).status()).isEqualTo(200);
      assertThat(second.post("/v1/traces", PROTOBUF, new byte[0]).status()).isEqualTo(200);

      try (RawHttp third = new RawHttp(capped.httpPort())) {
        assertThat(third.closedByServer()).isTrue();
      }
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  capped.counter(MetricNames.RECEIVER_REJECTED, "reason", "too_many_connections")
                      == 1);

      // A connection that closes makes room again.
      first.close();
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(() -> answersAPost(capped.httpPort()));
      assertThat(capped.counter(MetricNames.RECEIVER_REJECTED, "reason", "too_many_connections"))
          .isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void refusesARequestLineOverMaxRequestLineSize() throws Exception {
    try (RunningReceiver small =
            RunningReceiver.start(
                """
                protocols:
                  http: { endpoint: "127.0.0.1:0", max_request_line_size: 64, max_header_size: 128 }
                """);
        RawHttp http = new RawHttp(small.httpPort())) {
      RawHttp.Response longLine = http.post("/v1/traces?" + "a".repeat(64), PROTOBUF, new byte[0]);

      assertThat(longLine.status()).isEqualTo(431);
      assertThat(longLine.rpcStatus().getMessage())
          .isEqualTo("the request line is longer than max_request_line_size, 64 bytes");
    }
  }

  @Test
  void refusesHeadersOverMaxHeaderSize() throws Exception {
    try (RunningReceiver small =
            RunningReceiver.start(
                """
                protocols:
                  http: { endpoint: "127.0.0.1:0", max_header_size: 128 }
                """);
        RawHttp http = new RawHttp(small.httpPort())) {
      RawHttp.Response big =
          http.post("/v1/traces", PROTOBUF, new byte[0], "X-Big: " + "a".repeat(200));

      assertThat(big.status()).isEqualTo(431);
      assertThat(big.rpcStatus().getMessage())
          .isEqualTo("the request headers are larger than max_header_size, 128 bytes");
      assertThat(small.counter(MetricNames.RECEIVER_REJECTED, "reason", "head_too_large"))
          .isEqualTo(1);
    }
  }

  private static boolean answersAPost(int port) throws IOException {
    try (RawHttp http = new RawHttp(port)) {
      return http.post("/v1/traces", PROTOBUF, new byte[0]).status() == 200;
    }
  }

  @Test
  void dropsASlowlorisConnectionAtTheReadTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", running.httpPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      out.write("POST /v1/traces HTTP/1.1\r\nHost: x\r\n".getBytes(ISO_8859_1));
      // A header line a byte every 50 ms, never finished: the connection is closed 500 ms in.
      ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
      trickle.scheduleAtFixedRate(
          () -> {
            try {
              out.write('X');
              out.flush();
            } catch (IOException e) {
              throw new UncheckedIOException(e); // closed by the server: stops the trickle
            }
          },
          0,
          50,
          TimeUnit.MILLISECONDS);

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      trickle.shutdownNow();
      System.out.printf("slowloris connection closed after %d ms%n", millis);
      assertThat(millis).isLessThan(4_000);
    }
    assertThat(rejected("http", "read_timeout")).isEqualTo(1);
  }

  @Test
  void closesARapidResetConnectionAndServesOthers() throws Exception {
    RapidResetClient.Outcome outcome =
        RapidResetClient.attack(running.grpcPort(), "/" + TRACES, 2_000, Duration.ofSeconds(10));

    System.out.println("rapid reset: " + outcome);
    assertThat(outcome.closed()).isTrue();
    assertThat(outcome.goAwayError()).isEqualTo(RapidResetClient.ENHANCE_YOUR_CALM);
    try (OtlpGrpcSpanExporter exporter =
        OtlpGrpcSpanExporter.builder().setEndpoint(running.grpcEndpoint()).build()) {
      assertSucceeds(exporter.export(SdkData.spans(1)));
    }
  }

  @Test
  void closesARapidResetConnectionAtAConfiguredLimit() throws Exception {
    try (RunningReceiver strict =
        RunningReceiver.start(
            """
            protocols:
              grpc:
                endpoint: "127.0.0.1:0"
                max_rst_frames_per_window: 10
                rst_frames_window: 60s
            """)) {
      RapidResetClient.Outcome outcome =
          RapidResetClient.attack(strict.grpcPort(), "/" + TRACES, 30, Duration.ofSeconds(10));

      assertThat(outcome.closed()).isTrue();
      assertThat(outcome.goAwayError()).isEqualTo(RapidResetClient.ENHANCE_YOUR_CALM);
    }
    // Under the default of 200, the same 30 resets are allowed.
    RapidResetClient.Outcome allowed =
        RapidResetClient.attack(running.grpcPort(), "/" + TRACES, 30, Duration.ofSeconds(1));
    assertThat(allowed.closed()).isFalse();
  }

  @Test
  void refusesGrpcMetadataOverItsLimit() {
    try (RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      Status status = grpc.call(TRACES, new byte[0], false, Map.of("x-big", "a".repeat(20_000)));

      // The server announces its 16 KiB limit in SETTINGS_MAX_HEADER_LIST_SIZE, and grpc-java's
      // client keeps to it: it fails the call itself, INTERNAL, without sending the headers.
      System.out.println("20 KB of metadata: " + status);
      assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
      assertThat(status.getCause())
          .hasMessageContaining("Header size exceeded max allowed size (16384)");

      // Over grpc's own 8 KiB default but within otelgw's 16 KiB: served.
      assertThat(grpc.call(TRACES, new byte[0], false, Map.of("x-big", "a".repeat(12_000))))
          .isEqualTo(Status.OK);
    }
    assertThat(running.traces.batches()).hasSize(1);
  }

  @Test
  void announcesAConfiguredMaxHeaderListSize() throws Exception {
    try (RunningReceiver small =
            RunningReceiver.start(
                """
                protocols:
                  grpc: { endpoint: "127.0.0.1:0", max_header_list_size: 4KiB }
                """);
        RawGrpc grpc = new RawGrpc(small.grpcPort())) {
      Status status = grpc.call(TRACES, new byte[0], false, Map.of("x-big", "a".repeat(6_000)));

      assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
      assertThat(status.getCause())
          .hasMessageContaining("Header size exceeded max allowed size (4096)");
      assertThat(grpc.call(TRACES, new byte[0], false, Map.of("x-small", "a".repeat(1_000))))
          .isEqualTo(Status.OK);
    }
  }

  private double rejected(String transport, String reason) {
    return running.counter(MetricNames.RECEIVER_REJECTED, "transport", transport, "reason", reason);
  }
}
