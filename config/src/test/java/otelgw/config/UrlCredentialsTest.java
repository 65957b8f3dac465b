package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCredentialsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:pass@host | https://user:***@host",
        "https://user:pass@host:4318/v1/traces?x=1 | https://user:***@host:4318/v1/traces?x=1",
        "http://otelgw:p%40ss:w0rd@10.0.0.1:8080 | http://otelgw:***@10.0.0.1:8080",
        "socks5h://proxy-user:hunter2@proxy.internal:1080 | socks5h://proxy-user:***@proxy.internal:1080",
        "https://:only-a-password@host | https://:***@host",
        "'see https://a:b@one and http://c:d@two' | 'see https://a:***@one and http://c:***@two'",
      })
  void masksThePasswordAndKeepsTheRest(String value, String masked) {
    assertThat(UrlCredentials.mask(value)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://host:4318",
        "https://token@host",
        "https://host/path?email=someone@example.com",
        "someone@example.com",
        "127.0.0.1:4317",
        "host:4317/path@x",
      })
  void leavesValuesWithoutAPasswordAlone(String value) {
    assertThat(UrlCredentials.mask(value)).isSameAs(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://user:pass@host:4318/v1/traces | https://host:4318/v1/traces",
        "http://otelgw:p%40ss@10.0.0.1:8080/a%20b?q=x%26y#f | http://10.0.0.1:8080/a%20b?q=x%26y#f",
        "https://token@[::1]:4318/v1/logs | https://[::1]:4318/v1/logs",
        "https://host:4318/v1/traces | https://host:4318/v1/traces",
      })
  void aUrlWithoutItsUserinfoKeepsEverythingElseAsWritten(String url, String stripped) {
    assertThat(UrlCredentials.withoutUserinfo(URI.create(url))).isEqualTo(URI.create(stripped));
  }

  @Test
  void userinfoBecomesBasicCredentialsPercentDecoded() {
    assertThat(UrlCredentials.basicAuthorization(URI.create("https://otelgw:p%40ss:w0rd@host")))
        .contains("Basic " + base64("otelgw:p@ss:w0rd"));
    assertThat(UrlCredentials.basicAuthorization(URI.create("https://token@host")))
        .contains("Basic " + base64("token:"));
    assertThat(UrlCredentials.basicAuthorization(URI.create("https://host:4318"))).isEmpty();
  }

  private static String base64(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
