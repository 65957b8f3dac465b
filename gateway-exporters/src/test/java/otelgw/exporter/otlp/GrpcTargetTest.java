package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.TlsClientSettings;

class GrpcTargetTest {

  private static final TlsClientSettings TLS = TlsClientSettings.defaults();
  private static final TlsClientSettings INSECURE =
      TlsClientSettings.parse(ConfigNode.parse("insecure: true", "tls", new ConfigProblems()));

  @ParameterizedTest(name = "{0} (insecure={1}) -> {2}:{3}, plaintext={4}")
  @CsvSource({
    "collector:4317,            false, collector, 4317, false",
    "collector:4317,            true,  collector, 4317, true",
    "http://collector:4317,     false, collector, 4317, true",
    "https://collector:4317,    true,  collector, 4317, false",
    "http://collector,          false, collector, 80,   true",
    "https://collector/,        false, collector, 443,  false",
    "'[::1]:4317',              true,  ::1,       4317, true",
    "'https://[::1]',           false, ::1,       443,  false",
  })
  void readsTheCollectorsEndpointForms(
      String endpoint, boolean insecure, String host, int port, boolean plaintext) {
    assertThat(GrpcTarget.of(endpoint, insecure ? INSECURE : TLS))
        .isEqualTo(new GrpcTarget(host, port, plaintext));
  }

  @ParameterizedTest
  @ValueSource(strings = {"collector", ":4317", "collector:port", "https://collector/v1/traces"})
  void rejectsWhatIsNotAnEndpoint(String endpoint) {
    assertThatThrownBy(() -> GrpcTarget.of(endpoint, TLS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + endpoint + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:s3cr3t@collector:4317", "user:s3cr3t@collector:4317"})
  void rejectsCredentialsWithoutQuotingThem(String endpoint) {
    assertThatThrownBy(() -> GrpcTarget.of(endpoint, TLS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot hold credentials")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void plaintextFollowsTheSchemeBeforeTheTlsBlock() {
    assertThat(GrpcTarget.of("http://a:1", TLS).plaintext()).isTrue();
    assertThat(GrpcTarget.of("https://a:1", INSECURE).plaintext()).isFalse();
  }
}
