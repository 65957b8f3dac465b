package otelgw.core.otlp;

/**
 * Limits for {@link OtlpJson#decode}. String and number lengths are bounded by Jackson's {@code
 * StreamReadConstraints} defaults (strings up to 20,000,000 characters, numbers up to 1,000
 * digits); the body size is the receiver's limit.
 *
 * @param maxDepth the deepest nesting of JSON objects and arrays accepted, counting the top-level
 *     object as 1; between 1 and {@value #MAX_MAX_DEPTH}, default {@value #DEFAULT_MAX_DEPTH}. A
 *     typical OTLP request nests about 12 levels, plus 3 for each level of nested {@code
 *     arrayValue} or {@code kvlistValue}.
 */
public record OtlpJsonOptions(int maxDepth) {

  /** The default nesting limit: {@value}. */
  public static final int DEFAULT_MAX_DEPTH = 64;

  /**
   * The highest nesting limit allowed: {@value}. Decoding recurses once per level, so this keeps
   * the stack small on any thread, and it stays below Jackson's own limit of 1000.
   */
  public static final int MAX_MAX_DEPTH = 500;

  private static final OtlpJsonOptions DEFAULTS = new OtlpJsonOptions(DEFAULT_MAX_DEPTH);

  /** Validates at once. */
  public OtlpJsonOptions {
    if (maxDepth < 1 || maxDepth > MAX_MAX_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth must be between 1 and " + MAX_MAX_DEPTH + ": " + maxDepth);
    }
  }

  /** The defaults: {@link #DEFAULT_MAX_DEPTH}. */
  public static OtlpJsonOptions defaults() {
    return DEFAULTS;
  }
}
