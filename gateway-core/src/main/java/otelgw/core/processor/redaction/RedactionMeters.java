package otelgw.core.processor.redaction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.core.telemetry.ThrottledLog;

/**
 * The redaction processor's meters, one counter per configured rule: the {@code rule} tag is a
 * detector name, {@code blocked_values[i]}, {@code blocked_key_patterns[i]}, {@code
 * not_allowed_key} or {@code max_depth}, so cardinality is bounded by the config.
 */
final class RedactionMeters {

  /** Values masked or attributes removed, by the rule that did it. */
  static final String REDACTIONS = "otelgw.redaction.redactions";

  /** Guarded regex matches given up as too costly, by the rule's regex; the value is masked. */
  static final String REGEX_ABORTS = "otelgw.redaction.regex_aborts";

  static final String NOT_ALLOWED_KEY = "not_allowed_key";
  static final String MAX_DEPTH = "max_depth";

  private static final Logger logger = LoggerFactory.getLogger(RedactionMeters.class);

  private final MeterRegistry registry;
  private final String processor;
  private final ThrottledLog abortLog = new ThrottledLog(logger, Duration.ofSeconds(10));

  RedactionMeters(MeterRegistry registry, String processor) {
    this.registry = registry;
    this.processor = processor;
  }

  Counter redactions(String rule) {
    return Counter.builder(REDACTIONS)
        .description("Values masked or attributes removed by the redaction processor, by rule.")
        .tag("processor", processor)
        .tag("rule", rule)
        .register(registry);
  }

  Counter aborts(String rule) {
    return Counter.builder(REGEX_ABORTS)
        .description(
            "Regex matches the redaction processor gave up as too costly; the value was masked.")
        .tag("processor", processor)
        .tag("rule", rule)
        .register(registry);
  }

  /** Counts an abort and says so in the log, throttled; never with the value. */
  void aborted(Counter counter, String rule, int valueLength) {
    counter.increment();
    abortLog.warn(
        "redaction "
            + processor
            + ": "
            + rule
            + " exceeded its matching budget on a "
            + valueLength
            + "-char value, which was masked whole; consider a simpler pattern or a detector");
  }
}
