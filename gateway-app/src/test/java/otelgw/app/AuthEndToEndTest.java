package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.config.ConfigException;
import otelgw.config.ConfigLoader;
import otelgw.config.ConfigProblem;
import otelgw.core.pipeline.ResolvedConfig;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;

/**
 * {@code bearertokenauth} through the whole program: receivers that demand a token, exporters that
 * send another to the backend, and the tokens nowhere in logs or {@code print-config}; and an
 * otlphttp URL's own credentials, sent as HTTP Basic.
 */
class AuthEndToEndTest {

  private static final String CLIENT_TOKEN = "cl1ent-T0ken-4f8b2c9d1e";
  private static final String BACKEND_TOKEN = "backend-T0ken-77aa31c0de";

  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  @ParameterizedTest
  @EnumSource(Upstream.class)
  void servesClientsWithTheTokenAndSendsTheBackendItsOwn(Upstream upstream) throws Exception {
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway = RunningGateway.start(config(upstream));
        SpanExporter grpc = grpcClient(gateway, "Bearer " + CLIENT_TOKEN);
        SpanExporter http = httpClient(gateway, "Bearer " + CLIENT_TOKEN);
        SpanExporter anonymous = grpcClient(gateway, null);
        SpanExporter wrong = httpClient(gateway, "Bearer " + BACKEND_TOKEN)) {
      assertThat(export(grpc)).isTrue();
      assertThat(export(http)).isTrue();
      assertThat(export(anonymous)).isFalse();
      assertThat(export(wrong)).isFalse();

      await().atMost(10, TimeUnit.SECONDS).until(() -> backend.spanCount() == 2);
      assertThat(backend.requests(OtlpSignal.TRACES))
          .allSatisfy(
              request -> {
                assertThat(request.header("authorization")).contains("Bearer " + BACKEND_TOKEN);
                assertThat(request.header("x-tenant")).contains("acme");
              });
      assertThat(gateway.counter("otelgw.receiver.unauthenticated")).isEqualTo(2);
      gateway.close();
      assertThat(logs.lines())
          .isNotEmpty()
          .noneMatch(line -> line.contains(CLIENT_TOKEN) || line.contains(BACKEND_TOKEN));
    }
  }

  @Test
  void credentialsInAnOtlphttpUrlReachTheBackendAsBasicAndNoLogLine() throws Exception {
    String password = "url-Passw0rd-19c4";
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway =
            RunningGateway.start(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc: { endpoint: "127.0.0.1:%%GRPC_PORT%%" }
                exporters:
                  otlphttp/backend:
                    endpoint: http://otelgw:%s@127.0.0.1:%d
                service:
                  pipelines:
                    traces: { receivers: [otlp], exporters: [otlphttp/backend] }
                """
                    .formatted(password, backend.httpPort()));
        SpanExporter grpc = grpcClient(gateway, null)) {
      assertThat(export(grpc)).isTrue();

      await().atMost(10, TimeUnit.SECONDS).until(() -> backend.spanCount() == 1);
      String basic =
          Base64.getEncoder()
              .encodeToString(("otelgw:" + password).getBytes(StandardCharsets.UTF_8));
      assertThat(backend.requests(OtlpSignal.TRACES).get(0).header("authorization"))
          .contains("Basic " + basic);
      gateway.close();
      assertThat(logs.lines())
          .anyMatch(line -> line.contains("URL's credentials are sent in clear"))
          .noneMatch(line -> line.contains(password) || line.contains(basic));
    }
  }

  @Test
  void printConfigMasksTheTokens() throws Exception {
    String printed =
        new ConfigLoader(Map.of("CLIENT_TOKEN", CLIENT_TOKEN))
            .loadYaml(
                config(Upstream.GRPC).replace(CLIENT_TOKEN, "${env:CLIENT_TOKEN}"), "test.yaml")
            .toMaskedYaml();

    assertThat(printed)
        .doesNotContain(CLIENT_TOKEN)
        .doesNotContain(BACKEND_TOKEN)
        .contains("token: '[REDACTED]'");
  }

  @Test
  void anAuthenticatorMustBeDefinedAndEnabled() {
    String undefined =
        config(Upstream.GRPC)
            .replace("authenticator: bearertokenauth }", "authenticator: bearertokenauth/nope }");
    assertThat(errors(undefined))
        .containsExactly(
            "receivers.otlp.protocols.grpc.auth.authenticator (line 11): extension"
                + " 'bearertokenauth/nope' is not defined under 'extensions' (did you mean"
                + " 'bearertokenauth'?)",
            "receivers.otlp.protocols.http.auth.authenticator (line 14): extension"
                + " 'bearertokenauth/nope' is not defined under 'extensions' (did you mean"
                + " 'bearertokenauth'?)");

    String notEnabled =
        config(Upstream.GRPC)
            .replace(
                "extensions: [bearertokenauth, bearertokenauth/backend]",
                "extensions: [bearertokenauth]");
    assertThat(errors(notEnabled))
        .containsExactly(
            "exporters.otlp/backend.auth.authenticator (line 21): extension"
                + " 'bearertokenauth/backend' must be listed in service.extensions to be used"
                + " here");
  }

  @Test
  void anExtensionThatCannotAuthenticateFailsStartUp() {
    String healthCheck =
        config(Upstream.GRPC)
            .replace("authenticator: bearertokenauth }", "authenticator: health_check }")
            .replace("extensions: [bearertokenauth,", "extensions: [health_check, bearertokenauth,")
            .replace(
                "extensions:\n",
                "extensions:\n  health_check: { endpoint: 127.0.0.1:%HEALTH_PORT% }\n");

    assertThatThrownBy(() -> RunningGateway.start(healthCheck).close())
        .hasMessageContaining(
            "receiver otlp: extension 'health_check' cannot be used as an authenticator here");
  }

  private String config(Upstream upstream) {
    String exporter =
        upstream == Upstream.GRPC
            ? "otlp/backend:\n    endpoint: 127.0.0.1:"
                + backend.grpcPort()
                + "\n    tls: { insecure: true }"
            : "otlphttp/backend:\n    endpoint: http://127.0.0.1:" + backend.httpPort();
    String id = upstream == Upstream.GRPC ? "otlp/backend" : "otlphttp/backend";
    return """
        extensions:
          bearertokenauth:
            token: %s
          bearertokenauth/backend:
            token: %s
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%%GRPC_PORT%%
                auth: { authenticator: bearertokenauth }
              http:
                endpoint: 127.0.0.1:%%HTTP_PORT%%
                auth: { authenticator: bearertokenauth }
        exporters:
          %s
            headers: { x-tenant: acme }
            auth:
              authenticator: bearertokenauth/backend
            retry_on_failure: { initial_interval: 50ms, max_interval: 200ms }
        service:
          extensions: [bearertokenauth, bearertokenauth/backend]
          pipelines:
            traces: { receivers: [otlp], exporters: [%s] }
        """
        .formatted(CLIENT_TOKEN, BACKEND_TOKEN, exporter, id);
  }

  private static List<String> errors(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ResolvedConfig.resolve(
                    new ConfigLoader(Map.of())
                        .loadYaml(
                            yaml.replace("%GRPC_PORT%", "0").replace("%HTTP_PORT%", "0"),
                            "test.yaml"),
                    Components.all()));
    assertThat(e).as("the config should be invalid").isNotNull();
    return e.problems().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(ConfigProblem::toString)
        .toList();
  }

  private static SpanExporter grpcClient(RunningGateway gateway, String authorization) {
    var builder =
        OtlpGrpcSpanExporter.builder().setEndpoint(gateway.grpcUrl()).setRetryPolicy(null);
    if (authorization != null) {
      builder.addHeader("Authorization", authorization);
    }
    return builder.build();
  }

  private static SpanExporter httpClient(RunningGateway gateway, String authorization) {
    var builder =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(gateway.httpUrl() + "/v1/traces")
            .setRetryPolicy(null);
    if (authorization != null) {
      builder.addHeader("Authorization", authorization);
    }
    return builder.build();
  }

  private static boolean export(SpanExporter exporter) {
    return exporter
        .export(TestTelemetry.spans("authenticated", 1))
        .join(15, TimeUnit.SECONDS)
        .isSuccess();
  }
}
