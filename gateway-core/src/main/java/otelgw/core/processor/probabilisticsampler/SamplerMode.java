package otelgw.core.processor.probabilisticsampler;

/**
 * How the sampler finds a trace's randomness, with the Collector's names. {@code proportional} and
 * {@code equalizing} both read it from the trace id, as W3C Trace Context level 2 and
 * OpenTelemetry's consistent probability sampling define (they differ in the Collector only in how
 * they treat a threshold an earlier sampler wrote into the tracestate, which otelgw does not read);
 * {@code hash_seed} hashes the trace id with a seed, as the Collector's original sampler does.
 */
public enum SamplerMode {
  PROPORTIONAL,
  EQUALIZING,
  HASH_SEED
}
