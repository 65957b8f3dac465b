package otelgw.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.app.status.TelemetryServer;
import otelgw.core.pipeline.PipelineGraph;
import otelgw.core.pipeline.ResolvedConfig;

/**
 * A running otelgw: the pipeline graph of one config and the server of its own telemetry. {@link
 * #shutdown} is idempotent and is what SIGTERM runs: stop accepting, drain what was accepted within
 * the grace period, then close. Metrics and status are served from before start-up until after the
 * drain, so both can be watched.
 */
final class Gateway {

  private static final Logger logger = LoggerFactory.getLogger(Gateway.class);

  /** How long shutdown may take to deliver what was accepted, unless told otherwise. */
  static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

  private final PipelineGraph graph;
  private final SelfMetrics self;
  private final Optional<TelemetryServer> telemetry;

  private Gateway(PipelineGraph graph, SelfMetrics self, Optional<TelemetryServer> telemetry) {
    this.graph = graph;
    this.self = self;
    this.telemetry = telemetry;
  }

  /**
   * Builds and starts the gateway of {@code config}. If a component fails to start (a port in use),
   * what started is stopped again and the failure is thrown. Every meter goes to {@code meters},
   * which {@code /metrics} serves, and to each of {@code service.telemetry.metrics.readers}.
   */
  static Gateway start(ResolvedConfig config, PrometheusMeterRegistry meters) throws Exception {
    SelfMetrics self = SelfMetrics.start(meters, config.config().telemetry());
    PipelineGraph graph;
    Optional<TelemetryServer> telemetry;
    try {
      graph = PipelineGraph.build(config, self.registry());
    } catch (RuntimeException e) {
      self.close();
      throw e;
    }
    try {
      telemetry = TelemetryServer.start(config, meters, self.registry(), graph::status);
    } catch (Exception e) {
      graph.shutdown(Duration.ZERO); // built, never started: releases what the components hold
      self.close();
      throw e;
    }
    try {
      graph.start();
    } catch (Exception e) {
      telemetry.ifPresent(TelemetryServer::close);
      self.close();
      throw e;
    }
    return new Gateway(graph, self, telemetry);
  }

  /** Stops accepting, drains for at most {@code grace}, and closes. */
  void shutdown(Duration grace) {
    long start = System.nanoTime();
    logger.info("shutting down: draining for at most {}", grace);
    graph.shutdown(grace);
    self.close(); // after the drain: the last push carries the final counts
    telemetry.ifPresent(TelemetryServer::close);
    logger.info("shut down in {} ms", (System.nanoTime() - start) / 1_000_000);
  }
}
