package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;

class HttpOutcomesTest {

  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  private static final byte[] NO_BODY = new byte[0];
  private static final URI URL = URI.create("http://backend:4318/v1/traces");

  @ParameterizedTest(name = "HTTP {0}: {1}")
  @CsvSource({
    "400, permanent",
    "401, permanent",
    "403, permanent",
    "404, permanent",
    "405, permanent",
    "408, permanent",
    "409, permanent",
    "413, permanent",
    "415, permanent",
    "429, retryable",
    "500, permanent",
    "501, permanent",
    "502, retryable",
    "503, retryable",
    "504, retryable",
    "505, permanent",
    "302, permanent",
  })
  void classifiesStatuses(int status, String kind) {
    GatewayException failure = HttpOutcomes.failure(status, Optional.empty(), "", NO_BODY, NOW);

    assertThat(failure)
        .isInstanceOf(
            kind.equals("retryable") ? RetryableException.class : PermanentException.class)
        .hasMessage("backend answered HTTP " + status);
  }

  @ParameterizedTest(name = "{0} with Retry-After ''{1}'' waits {2}s")
  @CsvSource(
      delimiter = '|',
      value = {
        "503 | 120                           | 120",
        "429 | 0                             | 0",
        "502 | ' 7 '                         | 7",
        "504 | Wed, 01 Jan 2025 12:00:30 GMT | 30",
        "503 | Wed, 01 Jan 2025 11:00:00 GMT | 0",
      })
  void aRetryAfterHeaderThrottles(int status, String retryAfter, long seconds) {
    GatewayException failure =
        HttpOutcomes.failure(status, Optional.of(retryAfter), "", NO_BODY, NOW);

    assertThat(failure).isInstanceOf(ThrottledException.class);
    assertThat(((ThrottledException) failure).delay()).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest(name = "Retry-After ''{0}'' is ignored")
  @CsvSource({"soon", "-5", "1.5", "''", "99999999999999999999999"})
  void anUnreadableRetryAfterIsPlainRetryable(String retryAfter) {
    GatewayException failure = HttpOutcomes.failure(503, Optional.of(retryAfter), "", NO_BODY, NOW);

    assertThat(failure).isExactlyInstanceOf(RetryableException.class);
  }

  @Test
  void aRetryAfterOnAPermanentStatusChangesNothing() {
    assertThat(HttpOutcomes.failure(400, Optional.of("10"), "", NO_BODY, NOW))
        .isInstanceOf(PermanentException.class);
  }

  @Test
  void theMessageOfAGoogleRpcStatusBodyIsQuoted() {
    byte[] body =
        com.google.rpc.Status.newBuilder()
            .setCode(3)
            .setMessage("span 3 has no trace id")
            .build()
            .toByteArray();

    assertThat(HttpOutcomes.failure(400, Optional.empty(), "application/x-protobuf", body, NOW))
        .hasMessage("backend answered HTTP 400: span 3 has no trace id");
  }

  @Test
  void theMessageOfAJsonStatusBodyIsQuoted() {
    byte[] body =
        "{\"code\": 8, \"message\": \"slow down\", \"details\": []}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(HttpOutcomes.failure(429, Optional.empty(), "application/json", body, NOW))
        .hasMessage("backend answered HTTP 429: slow down");
  }

  @Test
  void aTextBodyIsQuotedOnOneLineAndCut() {
    byte[] body =
        ("<html>\n  <body>Bad   gateway</body>\n</html>" + "x".repeat(500))
            .getBytes(StandardCharsets.UTF_8);

    String message =
        HttpOutcomes.failure(502, Optional.empty(), "text/html; charset=utf-8", body, NOW)
            .getMessage();

    assertThat(message).startsWith("backend answered HTTP 502: <html> <body>Bad gateway</body>");
    assertThat(message).endsWith("...").hasSizeLessThan(240);
  }

  @Test
  void anUnknownBodyIsLeftOut() {
    assertThat(
            HttpOutcomes.failure(
                500, Optional.empty(), "application/octet-stream", new byte[] {1, 2, 3}, NOW))
        .hasMessage("backend answered HTTP 500");
    assertThat(
            HttpOutcomes.failure(
                500, Optional.empty(), "application/x-protobuf", new byte[] {(byte) 0xff}, NOW))
        .hasMessage("backend answered HTTP 500");
  }

  @Test
  void noAnswerAtAllIsRetryable() {
    Duration timeout = Duration.ofSeconds(5);

    assertThat(HttpOutcomes.failure(new ConnectException("Connection refused"), URL, timeout))
        .hasMessage("cannot connect to " + URL + ": Connection refused");
    assertThat(HttpOutcomes.failure(new HttpTimeoutException("request timed out"), URL, timeout))
        .hasMessage("the backend did not answer within 5s");
    assertThat(
            HttpOutcomes.failure(
                new HttpConnectTimeoutException("HTTP connect timed out"), URL, timeout))
        .hasMessage("cannot connect to " + URL + " within 5s");
    assertThat(HttpOutcomes.failure(new IOException("Connection reset"), URL, timeout))
        .hasMessage("request to " + URL + " failed: Connection reset");
  }
}
