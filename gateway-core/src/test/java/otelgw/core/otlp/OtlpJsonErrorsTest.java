package otelgw.core.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: every rejection is an OtlpJsonException that says what and where, briefly. */
class OtlpJsonErrorsTest {
  private static final ExportTraceServiceRequest TRACES =
      ExportTraceServiceRequest.getDefaultInstance();

  @Test
  void namesTheFieldPathAndPositionOfABadId() {
    String json =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{},"
            + "{\"traceId\":\"5b8efff798038103d269b633813fc60\"}]}]}]}";

    assertThat(error(json, TRACES))
        .isEqualTo(
            "field 'resourceSpans[0].scopeSpans[0].spans[1].traceId' must be 32 hex characters,"
                + " found 31 characters (line 1, column 58)");
  }

  @Test
  void rejectsIdsThatAreNotHex() {
    assertThat(error("{\"spanId\":\"zz01020304050607\"}", Span.getDefaultInstance()))
        .startsWith("field 'spanId' must be hex");
    assertThat(error("{\"spanId\":\"AQIDBAUGBwg=\"}", Span.getDefaultInstance()))
        .startsWith("field 'spanId' must be 16 hex characters, found 12");
    assertThat(error("{\"spanId\":7}", Span.getDefaultInstance()))
        .startsWith("field 'spanId' must be a string of 16 hex characters");
  }

  @Test
  void rejectsValuesOfTheWrongType() {
    assertThat(error("{\"name\":5}", Span.getDefaultInstance()))
        .startsWith("field 'name' must be a string");
    assertThat(error("{\"attributes\":{}}", Span.getDefaultInstance()))
        .startsWith("field 'attributes' must be an array");
    assertThat(error("{\"status\":\"ok\"}", Span.getDefaultInstance()))
        .startsWith("field 'status' must be an object");
    assertThat(error("{\"kind\":true}", Span.getDefaultInstance()))
        .startsWith("field 'kind' must be an integer");
    assertThat(error("{\"boolValue\":1}", AnyValue.getDefaultInstance()))
        .startsWith("field 'boolValue' must be true or false");
    assertThat(error("{\"doubleValue\":\"fast\"}", AnyValue.getDefaultInstance()))
        .startsWith("field 'doubleValue' must be a number");
    assertThat(error("{\"bytesValue\":\"not base64!\"}", AnyValue.getDefaultInstance()))
        .startsWith("field 'bytesValue' must be base64");
  }

  @Test
  void rejectsIntegersOutOfRangeOrWithFractions() {
    assertThat(error("{\"droppedAttributesCount\":-1}", Span.getDefaultInstance()))
        .startsWith("field 'droppedAttributesCount' is out of range for uint32");
    assertThat(error("{\"droppedAttributesCount\":4294967296}", Span.getDefaultInstance()))
        .startsWith("field 'droppedAttributesCount' is out of range for uint32");
    assertThat(error("{\"intValue\":\"9223372036854775808\"}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' is out of range for int64");
    assertThat(error("{\"startTimeUnixNano\":\"-1\"}", Span.getDefaultInstance()))
        .startsWith("field 'startTimeUnixNano' is out of range for uint64");
    assertThat(error("{\"startTimeUnixNano\":18446744073709551616}", Span.getDefaultInstance()))
        .startsWith("field 'startTimeUnixNano' is out of range for uint64");
    assertThat(error("{\"intValue\":1.5}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' must be an integer, not a fraction");
    assertThat(error("{\"intValue\":\"12abc\"}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' must be an integer");
    assertThat(error("{\"doubleValue\":1e400}", AnyValue.getDefaultInstance()))
        .startsWith("field 'doubleValue' is out of range for double");
  }

  @Test
  void rejectsHugeExponentsWithoutExpandingThem() {
    assertThat(error("{\"intValue\":1e999999999}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' is out of range for int64");
    assertThat(error("{\"intValue\":\"1e-999999999\"}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' must be an integer, not a fraction");
  }

  @Test
  void rejectsUnknownEnumNamesWithoutQuotingThem() {
    String name = "SPAN_KIND_" + "X".repeat(1000);

    assertThat(error("{\"kind\":\"" + name + "\"}", Span.getDefaultInstance()))
        .isEqualTo("field 'kind' is not a name of enum SpanKind (line 1, column 9)");
  }

  @Test
  void rejectsTwoMembersOfOneOneof() {
    assertThat(error("{\"stringValue\":\"a\",\"intValue\":1}", AnyValue.getDefaultInstance()))
        .startsWith("field 'intValue' is a second value for oneof 'value'");
  }

  @Test
  void rejectsNullInsideArrays() {
    assertThat(error("{\"attributes\":[{},null]}", Span.getDefaultInstance()))
        .startsWith("field 'attributes[1]' must not be null");
  }

  @Test
  void rejectsDocumentsThatAreNotOneObject() {
    assertThat(error("", TRACES)).startsWith("JSON document is empty; expected an object");
    assertThat(error("  ", TRACES)).startsWith("JSON document is empty");
    assertThat(error("[]", TRACES)).isEqualTo("JSON document must be an object (line 1, column 1)");
    assertThat(error("null", TRACES)).startsWith("JSON document must be an object");
    assertThat(error("{} {}", TRACES))
        .startsWith("JSON document has more content after its top-level object");
  }

  @Test
  void reportsSyntaxErrorsWithLineAndColumn() {
    assertThat(error("{\n  \"resourceSpans\": ]\n}", TRACES))
        .isEqualTo("invalid JSON at line 2, column 20: an unexpected character");
    assertThat(error("{\"name\":\"a\" \"kind\":1}", Span.getDefaultInstance()))
        .startsWith("invalid JSON at line 1, column 13:");
  }

  @Test
  void namesTheKindOfSyntaxErrorInItsOwnWords() {
    assertThat(error("{\"name\":tru}", Span.getDefaultInstance()))
        .isEqualTo(
            "invalid JSON at line 1, column 9:"
                + " a bare word that is not true, false, null or a number");
    assertThat(error("{\"name\":\"a\\qb\"}", Span.getDefaultInstance()))
        .endsWith(": an invalid escape sequence");
    assertThat(error("{\"name\":\"a\tb\"}", Span.getDefaultInstance()))
        .endsWith(": a control character that must be escaped");
    assertThat(error("{\"attributes\":[}", Span.getDefaultInstance()))
        .endsWith(": a closing bracket that does not match");
    assertThat(error("{\"droppedAttributesCount\":012}", Span.getDefaultInstance()))
        .endsWith(": an invalid number");
  }

  @Test
  void reportsTruncatedDocuments() {
    assertThat(error("{\"resourceSpans\":[{\"scopeSpans\":[", TRACES))
        .startsWith("truncated JSON: the document ends early at line 1, column ");
    assertThat(error("{\"name\":\"abc", Span.getDefaultInstance())).startsWith("truncated JSON");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] json = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};

    Throwable thrown = catchThrowable(() -> OtlpJson.decode(json, Span.getDefaultInstance()));

    assertThat(thrown).isInstanceOf(OtlpJsonException.class).hasMessageStartingWith("invalid JSON");
  }

  @Test
  void quotesLittleOfAHugeBadToken() {
    String json = "{\"name\":" + "x".repeat(10_000) + "}";

    assertThat(error(json, Span.getDefaultInstance())).hasSizeLessThan(200);
  }

  @Test
  void limitsNestingToSixtyFourLevelsByDefault() {
    assertThat(error(nestedArrayValues(30), AnyValue.getDefaultInstance()))
        .startsWith("field '...")
        .contains(".arrayValue.values[0].arrayValue' nests deeper than 64 levels (line 1, column")
        .hasSizeLessThan(300);
    assertThat(catchThrowable(() -> decode(nestedArrayValues(20), AnyValue.getDefaultInstance())))
        .isNull();
  }

  @Test
  void limitsNestingInsideUnknownFieldsToo() {
    String deep = "[".repeat(100) + "]".repeat(100);

    assertThat(error("{\"future\":" + deep + "}", Span.getDefaultInstance()))
        .startsWith("field '<unknown field>' nests deeper than 64 levels");
  }

  @Test
  void limitsHostileNestingWithoutOverflowingTheStack() {
    String hostile = "{\"arrayValue\":{\"values\":[".repeat(50_000);

    assertThat(error(hostile, AnyValue.getDefaultInstance()))
        .contains("nests deeper than 64 levels")
        .hasSizeLessThan(300);
  }

  @Test
  void takesTheNestingLimitFromOptions() throws Exception {
    byte[] json = TestData.read("js-traces.json");
    OtlpJsonOptions shallow = new OtlpJsonOptions(5);
    OtlpJsonOptions deep = new OtlpJsonOptions(OtlpJsonOptions.MAX_MAX_DEPTH);

    assertThatThrownBy(() -> OtlpJson.decode(json, 0, json.length, TRACES, shallow))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessageContaining("nests deeper than 5 levels");
    assertThat(OtlpJson.decode(json, 0, json.length, TRACES, deep)).isNotNull();
    String deepest = nestedArrayValues((OtlpJsonOptions.MAX_MAX_DEPTH - 1) / 3);
    byte[] deepJson = deepest.getBytes(UTF_8);
    assertThat(OtlpJson.decode(deepJson, 0, deepJson.length, AnyValue.getDefaultInstance(), deep))
        .isNotNull();
  }

  @Test
  void validatesOptionsAtOnce() {
    assertThatThrownBy(() -> new OtlpJsonOptions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth must be between 1 and 500: 0");
    assertThatThrownBy(() -> new OtlpJsonOptions(501)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsEveryTruncationOfARealRequest() {
    byte[] json = TestData.read("js-traces.json");

    for (int length = 0; length < json.length; length++) {
      byte[] prefix = Arrays.copyOf(json, length);
      assertThatThrownBy(() -> OtlpJson.decode(prefix, TRACES))
          .as("prefix of %d bytes", length)
          .isInstanceOf(OtlpJsonException.class);
    }
  }

  @Test
  void survivesRandomMutationsOfARealRequest() {
    byte[] original = TestData.read("js-metrics.json");
    Random random = new Random(20_240_611L);
    byte[] interesting = "{}[]\":,0-.e\\ntfu9AZ ".getBytes(UTF_8);

    for (int i = 0; i < 5_000; i++) {
      byte[] mutated = original.clone();
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        int at = random.nextInt(mutated.length);
        mutated[at] =
            random.nextBoolean()
                ? interesting[random.nextInt(interesting.length)]
                : (byte) random.nextInt(256);
      }
      Throwable thrown =
          catchThrowable(
              () -> OtlpJson.decode(mutated, ExportTraceServiceRequest.getDefaultInstance()));
      Throwable thrownAsMetrics =
          catchThrowable(
              () ->
                  OtlpJson.decode(
                      mutated,
                      io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest
                          .getDefaultInstance()));
      if (thrown != null) {
        assertThat(thrown).as("mutation %d", i).isInstanceOf(OtlpJsonException.class);
        assertThat(thrown.getMessage()).hasSizeLessThan(400);
      }
      if (thrownAsMetrics != null) {
        assertThat(thrownAsMetrics).as("mutation %d", i).isInstanceOf(OtlpJsonException.class);
      }
    }
  }

  /** What a client sent must not come back in the answer, nor go into a log line. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":SECRET}",
        "{\"name\":\"SECRET\" SECRET}",
        "{\"name\":\"SECRET\\x\"}",
        "{\"name\":\"SECRET\u0001\"}",
        "{\"kind\":\"SECRET\"}",
        "{\"kind\":SECRET}",
        "{\"startTimeUnixNano\":\"SECRET\"}",
        "{\"spanId\":\"SECRET\"}",
        "{\"traceId\":\"SECRETSECRETSECRETSECRETSECRETSECRET\"}",
        "{\"SECRET\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]"
            + "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
        "{\"SECRET\":{\"SECRET\":[{\"SECRET\": }]}}",
        "{\"SECRET\"",
        "{\"status\":{\"message\":\"SECRET\",\"code\":\"SECRET\"}}",
        "{\"events\":[{\"name\":\"SECRET\",\"droppedAttributesCount\":SECRET}]}",
        "SECRET",
        "{} SECRET",
      })
  void neverQuotesTheRequestInItsMessage(String template) {
    String secret = "Bearer-sk_live_9f8e7d6c5b4a";
    String json = template.replace("SECRET", secret);

    String message = error(json, Span.getDefaultInstance());

    assertThat(message).doesNotContain(secret).doesNotContain("Bearer").doesNotContain("sk_live");
  }

  private static String nestedArrayValues(int levels) {
    return "{\"arrayValue\":{\"values\":[".repeat(levels) + "{}" + "]}}".repeat(levels);
  }

  private static void decode(String json, Message type) throws OtlpJsonException {
    OtlpJson.decode(json.getBytes(UTF_8), type);
  }

  private static String error(String json, Message type) {
    Throwable thrown = catchThrowable(() -> decode(json, type));
    assertThat(thrown).isInstanceOf(OtlpJsonException.class);
    return thrown.getMessage();
  }
}
