package otelgw.core.processor.redaction;

import java.util.List;

/**
 * The names of the summary attributes, the Collector's: {@code redaction.redacted.keys}, {@code
 * redaction.masked.count}, ... for attributes, and {@code redaction.body.*} for what was found in a
 * log body.
 */
record SummaryKeys(
    String redactedKeys,
    String redactedCount,
    String maskedKeys,
    String maskedCount,
    String allowedKeys,
    String allowedCount,
    String ignoredCount) {

  static final SummaryKeys ATTRIBUTES = of("redaction.");
  static final SummaryKeys BODY = of("redaction.body.");

  /** Every summary attribute name. */
  static final List<String> ALL =
      List.of(ATTRIBUTES.names(), BODY.names()).stream().flatMap(List::stream).toList();

  private static SummaryKeys of(String prefix) {
    return new SummaryKeys(
        prefix + "redacted.keys",
        prefix + "redacted.count",
        prefix + "masked.keys",
        prefix + "masked.count",
        prefix + "allowed.keys",
        prefix + "allowed.count",
        prefix + "ignored.count");
  }

  private List<String> names() {
    return List.of(
        redactedKeys,
        redactedCount,
        maskedKeys,
        maskedCount,
        allowedKeys,
        allowedCount,
        ignoredCount);
  }
}
