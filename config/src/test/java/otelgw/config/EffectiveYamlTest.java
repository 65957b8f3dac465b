package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets never appear in {@link GatewayConfig#toMaskedYaml()}. */
class EffectiveYamlTest {

  private static final List<String> SECRETS =
      List.of(
          "s3cr3t-bearer-9f1c",
          "s3cr3t-apikey-77aa",
          "s3cr3t-dotted-header-3b2e",
          "s3cr3t-password-0d0d",
          "s3cr3t-token-5e5e",
          "s3cr3t-client-secret-1a1a",
          "s3cr3t-key-pem-2b2b",
          "s3cr3t-list-item-4c4c",
          "s3cr3t-telemetry-header-6d6d",
          "s3cr3t-url-password-6f6f",
          "s3cr3t-proxy-password-7a7a");

  private static final String YAML =
      """
      receivers:
        otlp:
          protocols:
            grpc:
              endpoint: 127.0.0.1:4317
              tls:
                cert_file: /etc/otelgw/server.crt
                key_file: /etc/otelgw/server.key
      exporters:
        otlphttp/dash0:
          endpoint: https://ingress.example.dash0.com
          headers:
            Authorization: "Bearer ${env:DASH0_TOKEN}"
            x-api-key: s3cr3t-apikey-77aa
            x.custom.auth: s3cr3t-dotted-header-3b2e
        otlphttp/basic:
          endpoint: https://otelgw:s3cr3t-url-password-6f6f@backend.example:4318/otlp
          proxy_url: http://proxy-user:${env:PROXY_PASSWORD}@proxy.internal:3128
        otlp/eu.prod:
          endpoint: backend:4317
          api_key: ${env:API_KEY}
          tls:
            key_pem: s3cr3t-key-pem-2b2b
            ca_file: /etc/ssl/ca.pem
      extensions:
        basicauth:
          client_auth:
            username: otelgw-user
            password: s3cr3t-password-0d0d
            password_file: /run/secrets/password
        bearertokenauth:
          token: s3cr3t-token-5e5e
        oauth2client:
          client_secret: s3cr3t-client-secret-1a1a
          tokens: [s3cr3t-list-item-4c4c]
      service:
        extensions: [basicauth, bearertokenauth, oauth2client]
        pipelines:
          traces:
            receivers: [otlp]
            exporters: [otlphttp/dash0, otlp/eu.prod]
        telemetry:
          metrics:
            readers:
              - periodic:
                  exporter:
                    otlp:
                      endpoint: https://ingress.example.dash0.com/v1/metrics
                      headers:
                        Authorization: Bearer s3cr3t-telemetry-header-6d6d
      """;

  private static String masked() throws ConfigException {
    Map<String, String> env =
        Map.of(
            "DASH0_TOKEN",
            "s3cr3t-bearer-9f1c",
            "API_KEY",
            "s3cr3t-apikey-77aa",
            "PROXY_PASSWORD",
            "s3cr3t-proxy-password-7a7a");
    return new ConfigLoader(env).loadYaml(YAML, "secrets.yaml").toMaskedYaml();
  }

  @Test
  void noSecretValueAppearsInTheOutput() throws Exception {
    String yaml = masked();

    for (String secret : SECRETS) {
      assertThat(yaml).doesNotContain(secret);
    }
    assertThat(yaml).doesNotContain("s3cr3t");
  }

  @Test
  void secretsAreMaskedWhereTheyStand() throws Exception {
    String yaml = masked();

    assertThat(yaml)
        .contains("      Authorization: '[REDACTED]'\n")
        .contains("      x-api-key: '[REDACTED]'\n")
        .contains("      x.custom.auth: '[REDACTED]'\n")
        .contains("    api_key: '[REDACTED]'\n")
        .contains("      key_pem: '[REDACTED]'\n")
        .contains("      password: '[REDACTED]'\n")
        .contains("    token: '[REDACTED]'\n")
        .contains("    client_secret: '[REDACTED]'\n")
        .contains("    tokens: ['[REDACTED]']\n")
        .contains("                Authorization: '[REDACTED]'\n");
  }

  @Test
  void aPasswordInAUrlIsMaskedUnderAnyKey() throws Exception {
    String yaml = masked();

    assertThat(yaml)
        .contains("    endpoint: https://otelgw:***@backend.example:4318/otlp\n")
        .contains("    proxy_url: http://proxy-user:***@proxy.internal:3128\n");
  }

  @Test
  void pathsAndOrdinarySettingsAreShownAsTheyAre() throws Exception {
    String yaml = masked();

    assertThat(yaml)
        .contains("password_file: /run/secrets/password")
        .contains("key_file: /etc/otelgw/server.key")
        .contains("cert_file: /etc/otelgw/server.crt")
        .contains("ca_file: /etc/ssl/ca.pem")
        .contains("username: otelgw-user")
        .contains("endpoint: https://ingress.example.dash0.com")
        .contains("otlp/eu.prod:");
  }

  @Test
  void theMaskedOutputIsValidYamlThatLoadsAgain() throws Exception {
    GatewayConfig reloaded = new ConfigLoader(Map.of()).loadYaml(masked(), "printed.yaml");

    assertThat(reloaded.problems().hasErrors()).isFalse();
    assertThat(reloaded.pipelines()).hasSize(1);
  }

  @Test
  void secretKeysAreRecognisedByName() {
    assertThat(EffectiveYaml.isSecret("exporters", "api_key")).isTrue();
    assertThat(EffectiveYaml.isSecret("exporters", "apikey")).isTrue();
    assertThat(EffectiveYaml.isSecret("x", "HMAC_KEY")).isTrue();
    assertThat(EffectiveYaml.isSecret("headers", "anything")).isTrue();
    assertThat(EffectiveYaml.isSecret("Headers", "x")).isTrue();
    assertThat(EffectiveYaml.isSecret("tls", "key_file")).isFalse();
    assertThat(EffectiveYaml.isSecret("auth", "token_file")).isFalse();
    assertThat(EffectiveYaml.isSecret("otlp", "endpoint")).isFalse();
    assertThat(EffectiveYaml.isSecret(null, "receivers")).isFalse();
  }
}
