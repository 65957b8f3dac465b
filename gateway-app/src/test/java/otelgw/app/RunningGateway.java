package otelgw.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import otelgw.config.ConfigLoader;
import otelgw.core.pipeline.ResolvedConfig;

/**
 * The real gateway, started in this JVM from a YAML config on free ports. {@code %GRPC_PORT%} and
 * {@code %HTTP_PORT%} in the YAML are replaced with the receiver's ports, {@code %HEALTH_PORT%}
 * with one for a health check; its own metrics and status are served on {@link #metricsUrl()}.
 */
final class RunningGateway implements AutoCloseable {

  final int grpcPort = FreePorts.next();
  final int httpPort = FreePorts.next();
  final int healthPort = FreePorts.next();
  final int metricsPort = FreePorts.next();
  final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Gateway gateway;
  private boolean shutDown;

  private RunningGateway(String yaml, String metricsHost) throws Exception {
    String config =
        yaml.replace("%GRPC_PORT%", Integer.toString(grpcPort))
            .replace("%HTTP_PORT%", Integer.toString(httpPort))
            .replace("%HEALTH_PORT%", Integer.toString(healthPort));
    ResolvedConfig resolved =
        ResolvedConfig.resolve(
            new ConfigLoader(Map.of())
                .loadYaml(
                    config,
                    "test config",
                    List.of(
                        "service.telemetry.metrics.address=" + metricsHost + ":" + metricsPort)),
            Components.all());
    gateway = Gateway.start(resolved, meters);
  }

  static RunningGateway start(String yaml) throws Exception {
    return new RunningGateway(yaml, "127.0.0.1");
  }

  /** Serves its own metrics on {@code metricsHost} (such as 0.0.0.0) instead of 127.0.0.1. */
  static RunningGateway startWithMetricsOn(String metricsHost, String yaml) throws Exception {
    return new RunningGateway(yaml, metricsHost);
  }

  String grpcUrl() {
    return "http://127.0.0.1:" + grpcPort;
  }

  String httpUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Where {@code /metrics}, {@code /status} and the status page are served. */
  String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort;
  }

  /** Where a {@code health_check} on {@code %HEALTH_PORT%} listens. */
  String healthUrl() {
    return "http://127.0.0.1:" + healthPort;
  }

  /** The sum of a counter across its tags, or 0 when nothing registered it. */
  double counter(String name) {
    return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** Shuts the gateway down with {@code grace} to drain; {@link #close} then does nothing. */
  synchronized void shutdown(Duration grace) {
    if (!shutDown) {
      shutDown = true;
      gateway.shutdown(grace);
    }
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }
}
