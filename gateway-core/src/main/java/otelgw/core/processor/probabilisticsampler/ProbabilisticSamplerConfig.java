package otelgw.core.processor.probabilisticsampler;

import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * {@code probabilistic_sampler}, for traces, with the Collector's keys: keep {@code
 * sampling_percentage} percent of traces, deciding on the trace id alone so that every span of a
 * trace is kept or dropped together, in every gateway that samples at the same percentage.
 *
 * @param samplingPercentage from 0 to 100; 0 drops and 100 keeps every span whatever its trace id,
 *     without reading the ids
 * @param hashSeed the seed of the {@code hash_seed} mode, 0 to 2^32-1
 * @param mode where randomness comes from; {@code hash_seed} by default when a seed is set,
 *     otherwise {@code proportional}
 * @param failClosed whether a span without usable randomness (an all-zero or malformed trace id, in
 *     the trace-id modes) is dropped rather than kept
 */
public record ProbabilisticSamplerConfig(
    double samplingPercentage, long hashSeed, SamplerMode mode, boolean failClosed) {

  public static final double DEFAULT_SAMPLING_PERCENTAGE = 0;
  public static final long DEFAULT_HASH_SEED = 0;
  public static final boolean DEFAULT_FAIL_CLOSED = true;

  static final long MAX_HASH_SEED = 0xFFFF_FFFFL;

  static ProbabilisticSamplerConfig parse(ConfigNode node) {
    double percentage = node.decimal("sampling_percentage", DEFAULT_SAMPLING_PERCENTAGE);
    node.check(
        percentage >= 0 && percentage <= 100, "sampling_percentage", "must be between 0 and 100");
    long seed = node.longValue("hash_seed", DEFAULT_HASH_SEED);
    node.check(
        seed >= 0 && seed <= MAX_HASH_SEED, "hash_seed", "must be between 0 and " + MAX_HASH_SEED);
    SamplerMode mode =
        node.enumValue("mode", seed != 0 ? SamplerMode.HASH_SEED : SamplerMode.PROPORTIONAL);
    if (seed != 0 && mode != SamplerMode.HASH_SEED) {
      node.warning("hash_seed", "only the hash_seed mode uses it for traces");
    }
    boolean failClosed = node.bool("fail_closed", DEFAULT_FAIL_CLOSED);
    node.finish(Set.of("sampling_percentage", "hash_seed", "mode", "fail_closed"));
    return new ProbabilisticSamplerConfig(
        Double.isNaN(percentage) ? DEFAULT_SAMPLING_PERCENTAGE : percentage,
        seed,
        mode,
        failClosed);
  }
}
