package otelgw.core.processor.probabilisticsampler;

import com.google.protobuf.ByteString;

/**
 * The Collector's original sampler, so that a fleet mixing it and otelgw with the same seed keeps
 * the same traces: the 32-bit FNV-1a hash of the seed (four bytes, little-endian) followed by the
 * trace id, cut to 14 bits, is compared with the percentage scaled to 2^14 buckets (in 32-bit
 * floating point, truncated, as the Collector computes it). Any trace id, even an empty one, is
 * hashed.
 */
final class HashSeedSampler implements TraceSampler {

  static final int BUCKETS = 1 << 14;
  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;

  private final int seed;
  private final long acceptBelow;

  HashSeedSampler(double percentage, int seed) {
    this.seed = seed;
    this.acceptBelow = (long) ((float) percentage * (BUCKETS / 100.0f));
  }

  @Override
  public boolean keep(ByteString traceId) {
    return (hash(seed, traceId) & (BUCKETS - 1)) < acceptBelow;
  }

  static int hash(int seed, ByteString data) {
    int hash = FNV_OFFSET;
    for (int i = 0; i < 4; i++) {
      hash = (hash ^ ((seed >>> (8 * i)) & 0xFF)) * FNV_PRIME;
    }
    for (int i = 0, n = data.size(); i < n; i++) {
      hash = (hash ^ (data.byteAt(i) & 0xFF)) * FNV_PRIME;
    }
    return hash;
  }
}
