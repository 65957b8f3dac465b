package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.assertSucceeds;
import static otelgw.receiver.otlp.OtlpHttpReceiverTest.TESTDATA;

import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.Signal;
import otelgw.core.component.Component;
import otelgw.core.component.ExtensionSettings;
import otelgw.core.component.Extensions;
import otelgw.core.extension.bearertokenauth.BearerTokenAuthFactory;
import otelgw.core.telemetry.MetricNames;

/**
 * A protocol with {@code auth}: the right bearer token is served; a missing one, a wrong one, one
 * of another length or under another scheme is refused with 401 / {@code UNAUTHENTICATED} before
 * any of the body is read, and counted.
 */
class OtlpReceiverAuthTest {

  private static final String TOKEN = "t0ken-xxxxxxxxxxxxxxxxxxxxxxxxxx";
  private static final ComponentId AUTH = ComponentId.parse("bearertokenauth");
  private static Component authenticator;

  private RunningReceiver running;
  private ManagedChannel channel;
  private byte[] tracesPb;

  @BeforeAll
  static void startAuthenticator() throws Exception {
    ConfigProblems problems = new ConfigProblems();
    BearerTokenAuthFactory factory = new BearerTokenAuthFactory();
    authenticator =
        factory.createExtension(
            new ExtensionSettings(AUTH, new SimpleMeterRegistry(), () -> null),
            factory.parseConfig(
                ConfigNode.parse("token: " + TOKEN, "extensions.bearertokenauth", problems)));
    assertThat(problems.all()).isEmpty();
    authenticator.start();
  }

  @AfterAll
  static void stopAuthenticator() {
    authenticator.shutdown(Duration.ZERO);
  }

  @BeforeEach
  void setUp() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              grpc: { endpoint: "127.0.0.1:0", auth: { authenticator: bearertokenauth } }
              http: { endpoint: "127.0.0.1:0", auth: { authenticator: bearertokenauth } }
            """,
            Extensions.of(Map.of(AUTH, authenticator)));
    tracesPb = Files.readAllBytes(TESTDATA.resolve("js-traces.pb"));
  }

  @AfterEach
  void tearDown() {
    if (channel != null) {
      channel.shutdownNow();
    }
    running.close();
  }

  @Test
  void servesSdkExportersThatSendTheToken() throws Exception {
    try (OtlpGrpcSpanExporter grpc =
            OtlpGrpcSpanExporter.builder()
                .setEndpoint(running.grpcEndpoint())
                .addHeader("Authorization", "Bearer " + TOKEN)
                .build();
        OtlpHttpSpanExporter http =
            OtlpHttpSpanExporter.builder()
                .setEndpoint(running.httpUri("/v1/traces").toString())
                .addHeader("Authorization", "Bearer " + TOKEN)
                .build()) {
      assertSucceeds(grpc.export(SdkData.spans(2)));
      assertSucceeds(http.export(SdkData.spans(3)));
    }
    assertThat(running.traces.items()).isEqualTo(5);
    assertThat(unauthenticated("grpc") + unauthenticated("http")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Authorization: Bearer wr0ng-xxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Authorization: Bearer t0ken",
        "Authorization: Bearer t0ken-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Authorization: Basic t0ken-xxxxxxxxxxxxxxxxxxxxxxxxxx",
        "Authorization: t0ken-xxxxxxxxxxxxxxxxxxxxxxxxxx",
        "X-Token: Bearer t0ken-xxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void refusesHttpRequestsWithoutTheRightToken(String header) throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          header.isEmpty()
              ? http.post("/v1/traces", "application/x-protobuf", tracesPb)
              : http.post("/v1/traces", "application/x-protobuf", tracesPb, header);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.header("www-authenticate")).isEqualTo("Bearer");
      assertThat(answer.rpcStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED.value());
      assertThat(answer.rpcStatus().getMessage())
          .isEqualTo("the request has no valid credentials in its 'authorization' header")
          .doesNotContain("t0ken");
      assertThat(answer.header("connection")).isEqualTo("close");
    }
    assertThat(running.traces.batches()).isEmpty();
    assertThat(unauthenticated("http")).isEqualTo(1);
  }

  @Test
  void answersBeforeTheBodyIsSent() throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      long start = System.nanoTime();
      // A 10 MB body is announced and never sent: the answer cannot have waited for it.
      http.send(head("/v1/traces", 10_000_000, "Authorization: Bearer nope"));
      RawHttp.Response answer = http.read();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(answer.status()).isEqualTo(401);
      assertThat(http.closedByServer()).isTrue();
      System.out.printf("401 before a 10 MB body: answered in %d ms%n", millis);
    }
  }

  @Test
  void checksCredentialsBeforeAnythingElse() throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      // Over the size limit, at an unknown path: still 401, not 413 or 404.
      http.send(head("/v1/nothing", 3_000_000_000L, ""));
      assertThat(http.read().status()).isEqualTo(401);
    }
  }

  @Test
  void refusesGrpcCallsWithoutTheRightToken() {
    assertThat(grpcExport(null, tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    StatusRuntimeException wrong = grpcExport("Bearer wrong", tracesPb);
    assertThat(wrong.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(wrong.getStatus().getDescription())
        .isEqualTo("the call has no valid credentials in its 'authorization' metadata");
    assertThat(grpcExport("Basic " + TOKEN, tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    // Tokens of another length: a prefix of the right one, and the right one with more after it.
    assertThat(grpcExport("Bearer " + TOKEN.substring(0, 10), tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(grpcExport("Bearer " + TOKEN + "x", tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    // The right token in the wrong metadata key.
    assertThat(grpcExport("x-api-key", "Bearer " + TOKEN, tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(grpcExport("proxy-authorization", "Bearer " + TOKEN, tracesPb).getStatus().getCode())
        .isEqualTo(Status.Code.UNAUTHENTICATED);

    assertThat(running.traces.batches()).isEmpty();
    assertThat(unauthenticated("grpc")).isEqualTo(7);
    assertThat(grpcExport("Bearer " + TOKEN, tracesPb)).isNull();
    assertThat(running.traces.items()).isPositive();
  }

  @Test
  void refusesAGrpcCallBeforeReadingItsMessage() {
    // 5 MiB is over the 4 MiB limit: had the message been read, the answer would be
    // RESOURCE_EXHAUSTED.
    StatusRuntimeException error = grpcExport("Bearer wrong", new byte[5 << 20]);

    assertThat(error.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }

  private StatusRuntimeException grpcExport(String authorization, byte[] body) {
    return grpcExport("authorization", authorization, body);
  }

  private StatusRuntimeException grpcExport(String key, String value, byte[] body) {
    if (channel == null) {
      channel =
          NettyChannelBuilder.forAddress("127.0.0.1", running.grpcPort()).usePlaintext().build();
    }
    Metadata headers = new Metadata();
    if (value != null) {
      headers.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), value);
    }
    MethodDescriptor<byte[], byte[]> method =
        MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(GrpcExportMethod.fullMethodName(Signal.TRACES))
            .setRequestMarshaller(ByteArrayMarshaller.INSTANCE)
            .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
            .build();
    return catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            ClientCalls.blockingUnaryCall(
                ClientInterceptors.intercept(
                    channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
                method,
                CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS),
                body));
  }

  private double unauthenticated(String transport) {
    return running.counter(MetricNames.RECEIVER_UNAUTHENTICATED, "transport", transport);
  }

  private static byte[] head(String path, long contentLength, String header) {
    return ("POST "
            + path
            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-protobuf\r\n"
            + "Content-Length: "
            + contentLength
            + "\r\n"
            + (header.isEmpty() ? "" : header + "\r\n")
            + "\r\n")
        .getBytes(ISO_8859_1);
  }
}
