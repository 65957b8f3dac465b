package otelgw.core.processor.probabilisticsampler;

import com.google.protobuf.ByteString;

/** Decides whether the spans of a trace are kept, from the trace id alone. Thread-safe. */
interface TraceSampler {

  boolean keep(ByteString traceId);

  /** The sampler of a config's mode and percentage. */
  static TraceSampler of(ProbabilisticSamplerConfig config) {
    if (config.mode() == SamplerMode.HASH_SEED) {
      return new HashSeedSampler(config.samplingPercentage(), (int) config.hashSeed());
    }
    return new TraceIdRandomnessSampler(config.samplingPercentage(), config.failClosed());
  }
}
