package otelgw.core.processor.memorylimiter;

import java.time.Duration;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * {@code memory_limiter}, with the Collector's keys and meanings. The hard limit is {@code
 * limit_mib} (or {@code limit_percentage} of the maximum heap); the soft limit is the hard limit
 * less {@code spike_limit_mib} (or {@code spike_limit_percentage}). Above the soft limit, new data
 * is refused with a retryable status.
 *
 * @param checkInterval how often heap use is sampled
 * @param limitMib the hard limit in MiB, or 0 when given as a percentage
 * @param spikeLimitMib the headroom kept below the hard limit, in MiB; 0 means 20% of the limit
 * @param limitPercentage the hard limit as a percentage of the maximum heap, or 0
 * @param spikeLimitPercentage the headroom as a percentage of the maximum heap, or 0
 */
public record MemoryLimiterConfig(
    Duration checkInterval,
    long limitMib,
    long spikeLimitMib,
    int limitPercentage,
    int spikeLimitPercentage) {

  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);

  /** The spike headroom when none is configured: a fifth of the limit, as in the Collector. */
  static final double DEFAULT_SPIKE_FRACTION = 0.2;

  private static final long MIB = 1024 * 1024;

  static MemoryLimiterConfig parse(ConfigNode node) {
    MemoryLimiterConfig config =
        new MemoryLimiterConfig(
            node.duration("check_interval", DEFAULT_CHECK_INTERVAL),
            node.longValue("limit_mib", 0),
            node.longValue("spike_limit_mib", 0),
            node.integer("limit_percentage", 0),
            node.integer("spike_limit_percentage", 0));
    node.check(
        !config.checkInterval.isNegative() && !config.checkInterval.isZero(),
        "check_interval",
        "must be greater than 0");
    node.check(config.limitMib >= 0, "limit_mib", "must not be negative");
    node.check(config.spikeLimitMib >= 0, "spike_limit_mib", "must not be negative");
    boolean byMib = config.limitMib > 0;
    boolean byPercentage = config.limitPercentage > 0;
    if (!byMib && !byPercentage) {
      node.error("limit_mib", "set 'limit_mib' or 'limit_percentage'");
    }
    if (byMib && byPercentage) {
      node.error("limit_percentage", "set 'limit_mib' or 'limit_percentage', not both");
    }
    if (byMib) {
      node.check(
          config.spikeLimitMib < config.limitMib,
          "spike_limit_mib",
          "must be less than 'limit_mib'");
    }
    node.check(
        config.limitPercentage >= 0 && config.limitPercentage <= 100,
        "limit_percentage",
        "must be between 1 and 100");
    node.check(
        config.spikeLimitPercentage >= 0 && config.spikeLimitPercentage <= 100,
        "spike_limit_percentage",
        "must be between 0 and 100");
    if (byPercentage) {
      node.check(
          config.spikeLimitPercentage < config.limitPercentage,
          "spike_limit_percentage",
          "must be less than 'limit_percentage'");
    }
    node.finish(
        Set.of(
            "check_interval",
            "limit_mib",
            "spike_limit_mib",
            "limit_percentage",
            "spike_limit_percentage"));
    return config;
  }

  /** The hard limit in bytes, for a JVM whose maximum heap is {@code maxHeap}. */
  long hardLimitBytes(long maxHeap) {
    return limitMib > 0 ? limitMib * MIB : maxHeap / 100 * limitPercentage;
  }

  /** The soft limit in bytes: the hard limit less the spike headroom. */
  long softLimitBytes(long maxHeap) {
    long hard = hardLimitBytes(maxHeap);
    long spike;
    if (limitMib > 0) {
      spike = spikeLimitMib > 0 ? spikeLimitMib * MIB : (long) (hard * DEFAULT_SPIKE_FRACTION);
    } else {
      spike =
          spikeLimitPercentage > 0
              ? maxHeap / 100 * spikeLimitPercentage
              : (long) (hard * DEFAULT_SPIKE_FRACTION);
    }
    return hard - spike;
  }
}
