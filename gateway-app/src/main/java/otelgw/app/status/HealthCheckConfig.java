package otelgw.app.status;

import java.time.Duration;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.config.Endpoints;

/**
 * {@code health_check}: where the health endpoints listen and when a failing exporter makes the
 * gateway unhealthy.
 *
 * @param endpoint {@code host:port} to listen on; {@value #DEFAULT_ENDPOINT} by default
 * @param path the path of the full health check; {@code /live} and {@code /ready} are beside it
 * @param exporterFailureWindow how long every send attempt of an exporter may fail, with no success
 *     in between, before health turns 503: long enough to ride out a backend's restart, short
 *     enough to page someone; zero means at the first failed attempt
 */
public record HealthCheckConfig(String endpoint, String path, Duration exporterFailureWindow) {

  public static final String DEFAULT_ENDPOINT = "127.0.0.1:13133";
  public static final String DEFAULT_PATH = "/";
  public static final Duration DEFAULT_EXPORTER_FAILURE_WINDOW = Duration.ofSeconds(30);

  /** The probe paths, fixed so that a Kubernetes manifest can name them without reading config. */
  public static final String LIVE_PATH = "/live";

  public static final String READY_PATH = "/ready";

  static HealthCheckConfig parse(ConfigNode node) {
    HealthCheckConfig config =
        new HealthCheckConfig(
            node.string("endpoint", DEFAULT_ENDPOINT),
            node.string("path", DEFAULT_PATH),
            node.duration("exporter_failure_window", DEFAULT_EXPORTER_FAILURE_WINDOW));
    Endpoints.check(node, "endpoint", config.endpoint);
    node.check(config.path.startsWith("/"), "path", "must start with '/'");
    node.check(
        !config.path.equals(LIVE_PATH) && !config.path.equals(READY_PATH),
        "path",
        LIVE_PATH + " and " + READY_PATH + " are the probes' own paths: choose another");
    node.check(
        !config.exporterFailureWindow.isNegative(),
        "exporter_failure_window",
        "must not be negative");
    if (node.section("check_collector_pipeline").isPresent()) {
      // The Collector's own docs call this option broken; accept it so its configs load.
      node.warning(
          "check_collector_pipeline",
          "ignored: otelgw judges exporters by 'exporter_failure_window' (default "
              + DEFAULT_EXPORTER_FAILURE_WINDOW.toSeconds()
              + "s) instead");
    }
    node.finish(Set.of("endpoint", "path", "exporter_failure_window", "check_collector_pipeline"));
    return config;
  }
}
