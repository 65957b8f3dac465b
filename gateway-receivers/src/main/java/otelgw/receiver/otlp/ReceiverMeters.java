package otelgw.receiver.otlp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import otelgw.config.ComponentId;
import otelgw.core.telemetry.MetricNames;

/**
 * What one transport of the receiver turned away: {@code otelgw.receiver.rejected} by reason (the
 * {@link Rejection}, or one of the connection closes: {@code read_timeout} for a request that did
 * not arrive in time, {@code too_many_connections} for one over the cap) and {@code
 * otelgw.receiver.unauthenticated}; beside them the idle connections it closed, which are not
 * refusals. Every counter is registered up front, so that a limit that has not bitten yet shows as
 * 0. Thread-safe.
 */
final class ReceiverMeters {

  private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
  private final Counter readTimeouts;
  private final Counter idleTimeouts;
  private final Counter tooManyConnections;
  private final Counter unauthenticated;

  ReceiverMeters(ComponentId receiver, String transport, MeterRegistry meters) {
    for (Rejection rejection : Rejection.values()) {
      if (rejection != Rejection.UNAUTHENTICATED) {
        rejected.put(rejection, rejected(receiver, transport, reason(rejection), meters));
      }
    }
    readTimeouts = rejected(receiver, transport, "read_timeout", meters);
    idleTimeouts =
        Counter.builder(MetricNames.RECEIVER_IDLE_CLOSED)
            .description(
                "Connections closed for idleness: idle_timeout (http), max_connection_idle (grpc).")
            .tag("receiver", receiver.toString())
            .tag("transport", transport)
            .register(meters);
    tooManyConnections = rejected(receiver, transport, "too_many_connections", meters);
    unauthenticated =
        Counter.builder(MetricNames.RECEIVER_UNAUTHENTICATED)
            .description("Requests refused for missing or wrong credentials.")
            .tag("receiver", receiver.toString())
            .tag("transport", transport)
            .register(meters);
  }

  /** Counts a request answered with {@code rejection}. */
  void rejected(Rejection rejection) {
    if (rejection == Rejection.UNAUTHENTICATED) {
      unauthenticated.increment();
    } else {
      rejected.get(rejection).increment();
    }
  }

  /** Counts a connection closed because its request did not arrive within the read timeout. */
  void readTimeout() {
    readTimeouts.increment();
  }

  /**
   * Counts a connection closed because it went without a request (HTTP) or a call (gRPC) for its
   * idle timeout.
   */
  void idleTimeout() {
    idleTimeouts.increment();
  }

  /** Counts a connection closed at once because the server already had its most. */
  void tooManyConnections() {
    tooManyConnections.increment();
  }

  static String reason(Rejection rejection) {
    return rejection.name().toLowerCase(Locale.ROOT);
  }

  private static Counter rejected(
      ComponentId receiver, String transport, String reason, MeterRegistry meters) {
    return Counter.builder(MetricNames.RECEIVER_REJECTED)
        .description("Requests the receiver turned away, by reason.")
        .tag("receiver", receiver.toString())
        .tag("transport", transport)
        .tag("reason", reason)
        .register(meters);
  }
}
