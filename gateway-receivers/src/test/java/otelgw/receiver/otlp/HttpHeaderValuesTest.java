package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpHeaderValuesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/x-protobuf|PROTOBUF",
        "application/json|JSON",
        "Application/JSON; charset=utf-8|JSON",
        " application/x-protobuf ;foo=bar|PROTOBUF",
      })
  void matchesMediaTypesIgnoringParametersAndCase(String header, BodyEncoding expected) {
    assertThat(BodyEncoding.ofContentType(header)).isEqualTo(expected);
  }

  @Test
  void knowsNoOtherMediaType() {
    assertThat(BodyEncoding.ofContentType(null)).isNull();
    assertThat(BodyEncoding.ofContentType("text/plain")).isNull();
    assertThat(BodyEncoding.ofContentType("application/protobuf")).isNull();
    assertThat(BodyEncoding.ofContentType("application/jsonl")).isNull();
  }

  @Test
  void readsContentEncodings() {
    assertThat(ContentCoding.ofHeader(null)).isEqualTo(ContentCoding.IDENTITY);
    assertThat(ContentCoding.ofHeader("identity")).isEqualTo(ContentCoding.IDENTITY);
    assertThat(ContentCoding.ofHeader("GZIP")).isEqualTo(ContentCoding.GZIP);
    assertThat(ContentCoding.ofHeader("x-gzip")).isEqualTo(ContentCoding.GZIP);
    assertThat(ContentCoding.ofHeader("deflate")).isEqualTo(ContentCoding.DEFLATE);
    assertThat(ContentCoding.ofHeader("br")).isNull();
    assertThat(ContentCoding.ofHeader("zstd")).isNull();
  }

  @Test
  void roundsRetryAfterUpToWholeSeconds() {
    assertThat(retryAfter(java.time.Duration.ofMillis(1))).isEqualTo("1");
    assertThat(retryAfter(java.time.Duration.ofMillis(1500))).isEqualTo("2");
    assertThat(retryAfter(java.time.Duration.ofSeconds(30))).isEqualTo("30");
  }

  private static String retryAfter(java.time.Duration delay) {
    return new ReceiverFailure(Rejection.REFUSED, "x", java.util.Optional.of(delay))
        .retryAfterSeconds()
        .orElseThrow();
  }
}
