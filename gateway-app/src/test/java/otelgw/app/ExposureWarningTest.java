package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A listener other machines can reach without TLS or authentication is a warning at start. */
class ExposureWarningTest {

  @Test
  void warnsOfEachListenerOpenToTheNetwork() throws Exception {
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway =
            RunningGateway.start(
                """
                extensions:
                  bearertokenauth: { token: s3cret-t0ken }
                  health_check: { endpoint: "0.0.0.0:%HEALTH_PORT%" }
                receivers:
                  otlp:
                    protocols:
                      grpc: { endpoint: "0.0.0.0:%GRPC_PORT%" }
                      http:
                        endpoint: "0.0.0.0:%HTTP_PORT%"
                        auth: { authenticator: bearertokenauth }
                exporters:
                  debug:
                service:
                  extensions: [bearertokenauth, health_check]
                  pipelines:
                    traces: { receivers: [otlp], exporters: [debug] }
                """)) {
      assertThat(logs.lines())
          .contains(
              "WARN otelgw.receiver.otlp.OtlpGrpcServer: otlp receiver, OTLP/gRPC listens on"
                  + " 0.0.0.0:"
                  + gateway.grpcPort
                  + ", reachable from other machines, without TLS or authentication; bind it to"
                  + " 127.0.0.1 unless that is intended",
              "WARN otelgw.receiver.otlp.OtlpHttpServer: otlp receiver, OTLP/HTTP listens on"
                  + " 0.0.0.0:"
                  + gateway.httpPort
                  + ", reachable from other machines, without TLS; bind it to 127.0.0.1 unless"
                  + " that is intended")
          .anyMatch(
              line ->
                  line.startsWith("WARN otelgw.app.admin.AdminServer: health_check")
                      && line.contains(
                          " listens on 0.0.0.0:"
                              + gateway.healthPort
                              + ", reachable from other machines, without TLS or"
                              + " authentication"))
          .noneMatch(line -> line.contains(":" + gateway.metricsPort + ", reachable"))
          .noneMatch(line -> line.contains("s3cret-t0ken"));
    }
  }

  @Test
  void warnsOfTheMetricsListenerOpenToTheNetwork() throws Exception {
    try (CapturedLogs logs = new CapturedLogs();
        RunningGateway gateway =
            RunningGateway.startWithMetricsOn(
                "0.0.0.0",
                """
                receivers:
                  otlp:
                    protocols:
                      grpc: { endpoint: "127.0.0.1:%GRPC_PORT%" }
                exporters:
                  debug:
                service:
                  pipelines:
                    traces: { receivers: [otlp], exporters: [debug] }
                """)) {
      assertThat(logs.lines())
          .anyMatch(
              line ->
                  line.startsWith("WARN otelgw.app.admin.AdminServer: service.telemetry.metrics")
                      && line.contains(
                          " listens on 0.0.0.0:"
                              + gateway.metricsPort
                              + ", reachable from other machines, without TLS or"
                              + " authentication"))
          .noneMatch(line -> line.contains(":" + gateway.grpcPort + ", reachable"));
    }
  }
}
