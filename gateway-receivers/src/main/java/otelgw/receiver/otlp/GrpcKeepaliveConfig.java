package otelgw.receiver.otlp;

import java.time.Duration;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * The gRPC {@code keepalive} block, with the Collector's keys: {@code server_parameters} (what the
 * server does) and {@code enforcement_policy} (what it allows clients to do). A zero duration means
 * "never" for the connection limits, as in grpc; unlike grpc, an idle connection is closed after
 * {@link #DEFAULT_MAX_CONNECTION_IDLE} unless configured otherwise.
 *
 * @param maxConnectionIdle close a connection with no calls for this long, gracefully (GOAWAY);
 *     default {@link #DEFAULT_MAX_CONNECTION_IDLE}; zero: never
 * @param maxConnectionAge close a connection, gracefully, after this long; zero: never
 * @param maxConnectionAgeGrace after {@code maxConnectionAge}, how long calls may finish; zero: as
 *     long as they take
 * @param time ping an idle connection after this long; default {@link #DEFAULT_TIME}
 * @param timeout close a connection whose ping is unanswered for this long; default {@link
 *     #DEFAULT_TIMEOUT}
 * @param minTime the most often a client may ping; default {@link #DEFAULT_MIN_TIME}
 * @param permitWithoutStream whether clients may ping with no call open; default false
 */
public record GrpcKeepaliveConfig(
    Duration maxConnectionIdle,
    Duration maxConnectionAge,
    Duration maxConnectionAgeGrace,
    Duration time,
    Duration timeout,
    Duration minTime,
    boolean permitWithoutStream) {

  /**
   * One minute, as the HTTP receiver's {@code idle_timeout}. grpc and the Collector default to
   * "never", which lets idle or abandoned connections pile up without bound; a client that goes
   * quiet for longer reconnects on its next call.
   */
  public static final Duration DEFAULT_MAX_CONNECTION_IDLE = Duration.ofMinutes(1);

  /** grpc's default: 2 hours. */
  public static final Duration DEFAULT_TIME = Duration.ofHours(2);

  /** grpc's default: 20 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** grpc's default: 5 minutes. */
  public static final Duration DEFAULT_MIN_TIME = Duration.ofMinutes(5);

  public static GrpcKeepaliveConfig defaults() {
    return new GrpcKeepaliveConfig(
        DEFAULT_MAX_CONNECTION_IDLE,
        Duration.ZERO,
        Duration.ZERO,
        DEFAULT_TIME,
        DEFAULT_TIMEOUT,
        DEFAULT_MIN_TIME,
        false);
  }

  static GrpcKeepaliveConfig parse(ConfigNode node) {
    ConfigNode server = node.sectionOrEmpty("server_parameters");
    Duration idle = nonNegative(server, "max_connection_idle", DEFAULT_MAX_CONNECTION_IDLE);
    Duration age = nonNegative(server, "max_connection_age", Duration.ZERO);
    Duration grace = nonNegative(server, "max_connection_age_grace", Duration.ZERO);
    Duration time = positiveOrDefault(server, "time", DEFAULT_TIME);
    Duration timeout = positiveOrDefault(server, "timeout", DEFAULT_TIMEOUT);
    server.finish(
        Set.of(
            "max_connection_idle",
            "max_connection_age",
            "max_connection_age_grace",
            "time",
            "timeout"));
    ConfigNode policy = node.sectionOrEmpty("enforcement_policy");
    Duration minTime = nonNegative(policy, "min_time", DEFAULT_MIN_TIME);
    boolean withoutStream = policy.bool("permit_without_stream", false);
    policy.finish(Set.of("min_time", "permit_without_stream"));
    node.finish(Set.of("server_parameters", "enforcement_policy"));
    return new GrpcKeepaliveConfig(idle, age, grace, time, timeout, minTime, withoutStream);
  }

  private static Duration nonNegative(ConfigNode node, String key, Duration defaultValue) {
    Duration value = node.duration(key, defaultValue);
    node.check(!value.isNegative(), key, "must not be negative");
    return value.isNegative() ? defaultValue : value;
  }

  // Zero would mean "ping constantly"; grpc, like the Collector, reads it as "the default".
  private static Duration positiveOrDefault(ConfigNode node, String key, Duration defaultValue) {
    Duration value = nonNegative(node, key, defaultValue);
    return value.isZero() ? defaultValue : value;
  }
}
