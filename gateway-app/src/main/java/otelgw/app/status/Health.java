package otelgw.app.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import otelgw.core.telemetry.GatewayStatus;

/**
 * The gateway's health, judged from a {@link GatewayStatus}, at three depths:
 *
 * <ul>
 *   <li><b>live</b>: the process works. False only once it has shut down or when a pipeline's
 *       consumer thread has died: a restart would help. Never false for a backend outage, which a
 *       restart does not fix, nor while draining on shutdown, which a restart would cut short.
 *   <li><b>ready</b>: it can accept data: started, not shutting down, no ring full, no memory
 *       limiter refusing. A load balancer should send data elsewhere while not ready.
 *   <li><b>healthy</b>: ready, and every exporter can export: none has failed every attempt for
 *       longer than {@code exporter_failure_window}.
 * </ul>
 *
 * @param status the snapshot judged
 * @param problems what is wrong, each with the depth it affects; empty when healthy
 */
public record Health(GatewayStatus status, List<Problem> problems) {

  public Health {
    problems = List.copyOf(problems);
  }

  /** How deep a problem goes: it fails its own check and every shallower one. */
  public enum Depth {
    LIVE,
    READY,
    HEALTHY
  }

  /** Something wrong, in a sentence, and the checks it fails. */
  public record Problem(Depth depth, String reason) {}

  /** Judges {@code status}; an exporter failing for less than {@code window} is not a problem. */
  public static Health of(GatewayStatus status, Duration window) {
    List<Problem> problems = new ArrayList<>();
    switch (status.state()) {
      case CREATED -> problems.add(new Problem(Depth.READY, "not started"));
      case STARTING -> problems.add(new Problem(Depth.READY, "starting up"));
      case STOPPING ->
          problems.add(
              new Problem(
                  Depth.READY, "shutting down: draining what was accepted, taking no more"));
      case STOPPED -> problems.add(new Problem(Depth.LIVE, "shut down"));
      case RUNNING -> {}
    }
    for (GatewayStatus.Pipeline pipeline : status.pipelines()) {
      String prefix = "pipeline " + pipeline.id() + ": ";
      Verdict ring = Verdict.of(pipeline.ring(), status.state());
      if (!ring.healthy()) {
        Depth depth = ring.status().equals("stopped") ? Depth.LIVE : Depth.READY;
        problems.add(new Problem(depth, prefix + ring.reason()));
      }
      for (GatewayStatus.Processor processor : pipeline.processors()) {
        Verdict verdict = Verdict.of(processor);
        if (!verdict.healthy()) {
          problems.add(
              new Problem(
                  Depth.READY, prefix + "processor " + processor.id() + ": " + verdict.reason()));
        }
      }
      for (GatewayStatus.Exporter exporter : pipeline.exporters()) {
        Verdict verdict = Verdict.of(exporter, window, status.time());
        if (!verdict.healthy()) {
          problems.add(
              new Problem(
                  Depth.HEALTHY, prefix + "exporter " + exporter.id() + ": " + verdict.reason()));
        }
      }
    }
    return new Health(status, problems);
  }

  public boolean live() {
    return passes(Depth.LIVE);
  }

  public boolean ready() {
    return passes(Depth.READY);
  }

  public boolean healthy() {
    return passes(Depth.HEALTHY);
  }

  /**
   * The reasons that fail the check at {@code depth}: its own problems and deeper-reaching ones.
   */
  public List<String> reasons(Depth depth) {
    return problems.stream()
        .filter(problem -> problem.depth().compareTo(depth) <= 0)
        .map(Problem::reason)
        .toList();
  }

  /** Whether the check at {@code depth} passes. */
  public boolean passes(Depth depth) {
    return reasons(depth).isEmpty();
  }
}
