package otelgw.receiver.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;
import otelgw.config.ExtensionRef;
import otelgw.config.Signal;

class OtlpReceiverConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  @Test
  void protocolsNamedWithoutSettingsTakeTheDefaults() {
    OtlpReceiverConfig config = parse("protocols:\n  grpc:\n  http:\n");

    assertThat(problems.all()).isEmpty();
    assertThat(config).isEqualTo(OtlpReceiverConfig.defaults());
    OtlpGrpcConfig grpc = config.grpc().orElseThrow();
    assertThat(grpc.endpoint()).isEqualTo("127.0.0.1:4317");
    assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(4);
    assertThat(grpc.maxRecvMsgSizeBytes()).isEqualTo(4 << 20);
    assertThat(grpc.maxConcurrentStreams()).isEqualTo(100);
    assertThat(grpc.keepalive()).isEqualTo(GrpcKeepaliveConfig.defaults());
    assertThat(grpc.keepalive().maxConnectionIdle()).isEqualTo(Duration.ofMinutes(1));
    assertThat(grpc.tls()).isEmpty();
    OtlpHttpConfig http = config.http().orElseThrow();
    assertThat(http.endpoint()).isEqualTo("127.0.0.1:4318");
    assertThat(http.maxRequestBodySize()).isEqualTo(20 << 20);
    assertThat(http.urlPath(Signal.TRACES)).isEqualTo("/v1/traces");
    assertThat(http.urlPath(Signal.METRICS)).isEqualTo("/v1/metrics");
    assertThat(http.urlPath(Signal.LOGS)).isEqualTo("/v1/logs");
  }

  @Test
  void aProtocolNotNamedIsOff() {
    OtlpReceiverConfig config = parse("protocols:\n  http:\n");

    assertThat(problems.all()).isEmpty();
    assertThat(config.grpc()).isEmpty();
    assertThat(config.http()).isPresent();
  }

  @Test
  void readsOverrides() {
    OtlpReceiverConfig config =
        parse(
            """
            protocols:
              grpc:
                endpoint: 0.0.0.0:14317
                max_recv_msg_size_mib: 16
                max_concurrent_streams: 8
                include_metadata: true
                keepalive:
                  server_parameters: { max_connection_age: 30s, time: 1m }
                  enforcement_policy: { min_time: 10s, permit_without_stream: true }
                tls: { cert_file: server.pem, key_file: server.key }
              http:
                endpoint: ":14318"
                max_request_body_size: 4MiB
                traces_url_path: /otlp/traces
                metrics_url_path: custom/metrics
                include_metadata: true
            """);

    assertThat(problems.all()).isEmpty();
    OtlpGrpcConfig grpc = config.grpc().orElseThrow();
    assertThat(grpc.endpoint()).isEqualTo("0.0.0.0:14317");
    assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(16);
    assertThat(grpc.maxConcurrentStreams()).isEqualTo(8);
    assertThat(grpc.keepalive().maxConnectionAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(grpc.keepalive().maxConnectionIdle())
        .isEqualTo(GrpcKeepaliveConfig.DEFAULT_MAX_CONNECTION_IDLE);
    assertThat(grpc.keepalive().time()).isEqualTo(Duration.ofMinutes(1));
    assertThat(grpc.keepalive().timeout()).isEqualTo(GrpcKeepaliveConfig.DEFAULT_TIMEOUT);
    assertThat(grpc.keepalive().minTime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(grpc.keepalive().permitWithoutStream()).isTrue();
    assertThat(grpc.tls().orElseThrow().certFile()).isEqualTo("server.pem");
    OtlpHttpConfig http = config.http().orElseThrow();
    assertThat(http.address().getPort()).isEqualTo(14318);
    assertThat(http.maxRequestBodySize()).isEqualTo(4 << 20);
    assertThat(http.tracesUrlPath()).isEqualTo("/otlp/traces");
    assertThat(http.metricsUrlPath()).isEqualTo("/custom/metrics");
    assertThat(http.logsUrlPath()).isEqualTo("/v1/logs");
  }

  @Test
  void takesABodySizeAsAPlainNumberOfBytes() {
    OtlpReceiverConfig config = parse("protocols:\n  http:\n    max_request_body_size: 1048576\n");

    assertThat(problems.all()).isEmpty();
    assertThat(config.http().orElseThrow().maxRequestBodySize()).isEqualTo(1 << 20);
  }

  @Test
  void zeroMeansTheDefaultForGrpcLimits() {
    OtlpGrpcConfig grpc =
        parse("protocols:\n  grpc:\n    max_recv_msg_size_mib: 0\n    max_concurrent_streams: 0\n")
            .grpc()
            .orElseThrow();

    assertThat(problems.all()).isEmpty();
    assertThat(grpc.maxRecvMsgSizeMib()).isEqualTo(OtlpGrpcConfig.DEFAULT_MAX_RECV_MSG_SIZE_MIB);
    assertThat(grpc.maxConcurrentStreams())
        .isEqualTo(OtlpGrpcConfig.DEFAULT_MAX_CONCURRENT_STREAMS);
  }

  @Test
  void zeroMaxConnectionIdleMeansNever() {
    OtlpGrpcConfig grpc =
        parse(
                "protocols:\n  grpc:\n"
                    + "    keepalive: { server_parameters: { max_connection_idle: 0s } }\n")
            .grpc()
            .orElseThrow();

    assertThat(problems.all()).isEmpty();
    assertThat(grpc.keepalive().maxConnectionIdle()).isZero();
  }

  @Test
  void reportsAnUnknownKeyWithItsPathAndTheKeyMeant() {
    parse("protocols:\n  grpc:\n    endpont: 127.0.0.1:4317\n");

    assertThat(errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("receivers.otlp.protocols.grpc.endpont");
              assertThat(p.message()).contains("unknown key 'endpont'").contains("'endpoint'");
            });
  }

  @Test
  void reportsAnUnknownProtocol() {
    parse("protocols:\n  grpc:\n  htttp:\n");

    assertThat(errors())
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("receivers.otlp.protocols.htttp"));
  }

  @Test
  void needsAtLeastOneProtocol() {
    parse("protocols:\n");
    assertThat(errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("receivers.otlp.protocols");
              assertThat(p.message())
                  .contains("must specify at least one protocol under 'protocols'");
            });
  }

  @Test
  void needsProtocolsWhenTheSectionIsEmpty() {
    OtlpReceiverConfig config =
        new OtlpReceiverFactory().parseConfig(ConfigNode.empty("receivers.otlp", problems));

    assertThat(config.grpc()).isEmpty();
    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactly("receivers.otlp.protocols");
  }

  @Test
  void reportsSettingsNotSupportedYet() {
    parse(
        """
        protocols:
          http:
            cors: { allowed_origins: ["*"] }
        """);

    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactly("receivers.otlp.protocols.http.cors");
    assertThat(errors()).allSatisfy(p -> assertThat(p.message()).contains("not supported yet"));
  }

  @Test
  void readsTheAuthenticatorOfEachProtocol() {
    OtlpReceiverConfig config =
        parse(
            """
            protocols:
              grpc:
                auth: { authenticator: bearertokenauth }
              http:
                auth: { authenticator: bearertokenauth/http }
            """);

    assertThat(errors()).isEmpty();
    assertThat(new OtlpReceiverFactory().extensionRefs(config))
        .extracting(ref -> ref.id().toString(), ExtensionRef::path)
        .containsExactly(
            tuple("bearertokenauth", "receivers.otlp.protocols.grpc.auth.authenticator"),
            tuple("bearertokenauth/http", "receivers.otlp.protocols.http.auth.authenticator"));
    assertThat(new OtlpReceiverFactory().summary(config))
        .contains("grpc on 127.0.0.1:4317 (auth bearertokenauth)")
        .contains("http on 127.0.0.1:4318 (auth bearertokenauth/http)");
  }

  @Test
  void reportsAnAuthWithoutAValidAuthenticator() {
    parse(
        """
        protocols:
          grpc:
            auth: {}
          http:
            auth: { authenticator: "bearer token", extra: 1 }
        """);

    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "receivers.otlp.protocols.grpc.auth.authenticator",
            "receivers.otlp.protocols.http.auth.extra",
            "receivers.otlp.protocols.http.auth.authenticator");
  }

  @Test
  void readsTheHttpTimeouts() {
    OtlpReceiverConfig config =
        parse("protocols:\n  http: { read_timeout: 5s, idle_timeout: 2m }\n");

    assertThat(config.http().get().readTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.http().get().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(OtlpHttpConfig.defaults().readTimeout()).isEqualTo(Duration.ofMinutes(1));

    parse("protocols:\n  http: { read_timeout: 0s }\n");
    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactly("receivers.otlp.protocols.http.read_timeout");
  }

  @Test
  void defaultsEveryConnectionAndHeadLimit() {
    OtlpReceiverConfig config = parse("protocols:\n  grpc:\n  http:\n");

    OtlpHttpConfig http = config.http().orElseThrow();
    assertThat(http.maxConnections()).isEqualTo(4096);
    assertThat(http.maxRequestLineSize()).isEqualTo(4 << 10);
    assertThat(http.maxHeaderSize()).isEqualTo(16 << 10);
    OtlpGrpcConfig grpc = config.grpc().orElseThrow();
    assertThat(grpc.maxHeaderListSize()).isEqualTo(16 << 10);
    assertThat(grpc.maxRstFramesPerWindow()).isEqualTo(200);
    assertThat(grpc.rstFramesWindow()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsTheConnectionAndHeadLimits() {
    OtlpReceiverConfig config =
        parse(
            """
            protocols:
              grpc:
                max_header_list_size: 32KiB
                max_rst_frames_per_window: 50
                rst_frames_window: 1m
              http:
                max_connections: 10
                max_request_line_size: 8KiB
                max_header_size: 65536
            """);

    assertThat(problems.all()).isEmpty();
    OtlpHttpConfig http = config.http().orElseThrow();
    assertThat(http.maxConnections()).isEqualTo(10);
    assertThat(http.maxRequestLineSize()).isEqualTo(8 << 10);
    assertThat(http.maxHeaderSize()).isEqualTo(64 << 10);
    OtlpGrpcConfig grpc = config.grpc().orElseThrow();
    assertThat(grpc.maxHeaderListSize()).isEqualTo(32 << 10);
    assertThat(grpc.maxRstFramesPerWindow()).isEqualTo(50);
    assertThat(grpc.rstFramesWindow()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void reportsConnectionAndHeadLimitsOutOfRange() {
    OtlpReceiverConfig config =
        parse(
            """
            protocols:
              grpc:
                max_header_list_size: 0
                max_rst_frames_per_window: 0
                rst_frames_window: 1500ms
              http:
                max_connections: 0
                max_request_line_size: 2MiB
                max_header_size: 0
            """);

    assertThat(errors())
        .extracting(ConfigProblem::path, ConfigProblem::message)
        .containsExactlyInAnyOrder(
            tuple(
                "receivers.otlp.protocols.grpc.max_header_list_size",
                "must be from 1 byte to 1MiB"),
            tuple("receivers.otlp.protocols.grpc.max_rst_frames_per_window", "must be at least 1"),
            tuple(
                "receivers.otlp.protocols.grpc.rst_frames_window",
                "must be whole seconds, at least 1s"),
            tuple("receivers.otlp.protocols.http.max_connections", "must be at least 1"),
            tuple(
                "receivers.otlp.protocols.http.max_request_line_size",
                "must be from 1 byte to 1MiB"),
            tuple("receivers.otlp.protocols.http.max_header_size", "must be from 1 byte to 1MiB"));
    // Start-up fails on the errors; the values held meanwhile are the defaults, never clamped.
    assertThat(config.http().orElseThrow().maxConnections()).isEqualTo(4096);
    assertThat(config.grpc().orElseThrow().rstFramesWindow()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsMaxNestingDepthFromOneToProtobufsOwnLimit() {
    assertThat(parse("protocols:\n  grpc:\n").maxNestingDepth()).isEqualTo(100);
    assertThat(parse("max_nesting_depth: 32\nprotocols:\n  grpc:\n").maxNestingDepth())
        .isEqualTo(32);
    assertThat(problems.all()).isEmpty();

    OtlpReceiverConfig tooDeep = parse("max_nesting_depth: 101\nprotocols:\n  grpc:\n");
    parse("max_nesting_depth: 0\nprotocols:\n  grpc:\n");

    assertThat(errors())
        .extracting(ConfigProblem::path, ConfigProblem::message)
        .containsExactly(
            tuple(
                "receivers.otlp.max_nesting_depth",
                "must be from 1 to 100, which protobuf-java parses"),
            tuple(
                "receivers.otlp.max_nesting_depth",
                "must be from 1 to 100, which protobuf-java parses"));
    assertThat(tooDeep.maxNestingDepth()).isEqualTo(100);
  }

  @Test
  void readsMaxJsonNestingDepthUpToItsDefault() {
    assertThat(parse("protocols:\n  http:\n").http().orElseThrow().maxJsonNestingDepth())
        .isEqualTo(64);
    assertThat(
            parse("protocols:\n  http: { max_json_nesting_depth: 16 }\n")
                .http()
                .orElseThrow()
                .maxJsonNestingDepth())
        .isEqualTo(16);
    assertThat(problems.all()).isEmpty();

    parse("protocols:\n  http: { max_json_nesting_depth: 65 }\n");

    assertThat(errors())
        .extracting(ConfigProblem::path, ConfigProblem::message)
        .containsExactly(
            tuple("receivers.otlp.protocols.http.max_json_nesting_depth", "must be from 1 to 64"));
  }

  @Test
  void reportsBadValues() {
    parse(
        """
        protocols:
          grpc:
            endpoint: localhost
            max_recv_msg_size_mib: 4096
          http:
            max_request_body_size: lots
            logs_url_path: /v1/traces
        """);

    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "receivers.otlp.protocols.grpc.endpoint",
            "receivers.otlp.protocols.grpc.max_recv_msg_size_mib",
            "receivers.otlp.protocols.http.max_request_body_size",
            "receivers.otlp.protocols.http.logs_url_path");
  }

  @Test
  void reportsTlsWithoutItsFiles() {
    parse("protocols:\n  http:\n    tls: {}\n");

    assertThat(errors())
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "receivers.otlp.protocols.http.tls.cert_file",
            "receivers.otlp.protocols.http.tls.key_file");
  }

  @Test
  void theFactoryDescribesTheReceiver() {
    OtlpReceiverFactory factory = new OtlpReceiverFactory();

    assertThat(factory.type()).isEqualTo("otlp");
    assertThat(factory.stability()).hasToString("beta");
    assertThat(factory.signals()).containsExactlyInAnyOrder(Signal.values());
    assertThat(OtlpReceiverConfig.defaults().grpc())
        .isEqualTo(Optional.of(OtlpGrpcConfig.defaults()));
  }

  @Test
  void theFactoryListsTheEndpointsItListensOn() {
    OtlpReceiverFactory factory = new OtlpReceiverFactory();
    OtlpReceiverConfig config = parse("protocols:\n  grpc:\n  http: { endpoint: \":4318\" }\n");

    assertThat(factory.listenEndpoints(config)).containsExactly("127.0.0.1:4317", ":4318");
    assertThat(factory.summary(config))
        .isEqualTo("grpc on 127.0.0.1:4317, max message 4 MiB; http on :4318, max body 20MiB");
  }

  private OtlpReceiverConfig parse(String yaml) {
    return new OtlpReceiverFactory()
        .parseConfig(ConfigNode.parse(yaml, "receivers.otlp", problems));
  }

  private List<ConfigProblem> errors() {
    return problems.all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .toList();
  }
}
