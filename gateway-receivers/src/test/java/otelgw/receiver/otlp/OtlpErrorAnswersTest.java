package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.Signal;
import otelgw.testing.RawGrpc;

/**
 * An error answer says what is wrong and where, never what was sent: a secret planted in bad input
 * does not come back in an HTTP body or a gRPC status description, where a proxy or a client's log
 * would keep it.
 */
class OtlpErrorAnswersTest {

  private static final String SECRET = "Bearer-sk_live_9f8e7d6c5b4a";
  private static final String TRACES = GrpcExportMethod.fullMethodName(Signal.TRACES);

  private RunningReceiver running;

  @BeforeEach
  void setUp() throws Exception {
    running = RunningReceiver.start();
  }

  @AfterEach
  void tearDown() {
    running.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"kind\":\"SECRET\"}]}]}]}",
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":SECRET}]}]}]}",
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"SECRET\"}]}]}]}",
        "{\"resourceSpans\":[{\"SECRET\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
            + "[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}]}",
        "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":"
            + "{\"intValue\":\"SECRET\"}}]}}]}",
        "{\"resourceSpans\":\"SECRET\" SECRET}",
        "{\"resourceSpans\":[{\"schemaUrl\":\"SECRET\u0001\"}]}",
      })
  void quotesNothingOfABadJsonBody(String template) throws Exception {
    byte[] body = template.replace("SECRET", SECRET).getBytes(UTF_8);

    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer = http.post("/v1/traces", "application/json", body);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.rpcStatus().getMessage()).startsWith("the body is not a valid OTLP/JSON");
      assertThat(new String(answer.body(), ISO_8859_1))
          .doesNotContain(SECRET)
          .doesNotContain("sk_");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void quotesNothingOfABadProtobufBody(boolean truncated) throws Exception {
    byte[] body = malformedProtobufHolding(SECRET, truncated);

    try (RawHttp http = new RawHttp(running.httpPort());
        RawGrpc grpc = new RawGrpc(running.grpcPort())) {
      RawHttp.Response answer = http.post("/v1/traces", "application/x-protobuf", body);
      Status status = grpc.call(TRACES, body, false, Map.of());

      assertThat(answer.status()).isEqualTo(400);
      assertThat(new String(answer.body(), ISO_8859_1))
          .doesNotContain(SECRET)
          .doesNotContain("sk_");
      assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(status.getDescription())
          .startsWith("the body is not a valid OTLP traces export request in protobuf")
          .doesNotContain(SECRET)
          .doesNotContain("sk_");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "Content-Encoding"})
  void quotesNothingOfABadHeader(String header) throws Exception {
    try (RawHttp http = new RawHttp(running.httpPort())) {
      RawHttp.Response answer =
          http.post("/v1/traces", null, new byte[1], header + ": application/" + SECRET);

      assertThat(answer.status()).isEqualTo(415);
      assertThat(new String(answer.body(), ISO_8859_1))
          .doesNotContain(SECRET)
          .doesNotContain("sk_");
    }
  }

  /**
   * resource_spans { scope_spans { schema_url: secret, then a field of wire type 7 } }, or the same
   * with the URL's length running past the end of its message. The receiver checks the framing down
   * to the spans before it answers.
   */
  private static byte[] malformedProtobufHolding(String secret, boolean truncated) {
    byte[] url = secret.getBytes(UTF_8);
    ByteArrayOutputStream scopeSpans = new ByteArrayOutputStream();
    scopeSpans.write(3 << 3 | 2); // ScopeSpans.schema_url
    scopeSpans.write(url.length + (truncated ? 20 : 0));
    scopeSpans.writeBytes(url);
    if (!truncated) {
      scopeSpans.write(6 << 3 | 7); // field 6 with wire type 7, which does not exist
      scopeSpans.write(0x00);
    }
    byte[] resourceSpans = field(2, scopeSpans.toByteArray()); // ResourceSpans.scope_spans
    return field(1, resourceSpans); // ExportTraceServiceRequest.resource_spans
  }

  private static byte[] field(int number, byte[] value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(number << 3 | 2);
    bytes.write(value.length); // every value here is under 128 bytes: a one-byte varint
    bytes.writeBytes(value);
    return bytes.toByteArray();
  }
}
