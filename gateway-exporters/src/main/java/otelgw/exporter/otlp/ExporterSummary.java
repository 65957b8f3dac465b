package otelgw.exporter.otlp;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import otelgw.config.ByteSizes;
import otelgw.config.Durations;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.UrlCredentials;

/**
 * The start-up report's line for an OTLP exporter: where it sends, and the timeout, queue and retry
 * limits in effect. Header values never appear; a URL's password is masked.
 */
final class ExporterSummary {

  private ExporterSummary() {}

  static String of(
      String destination,
      Compression compression,
      Duration timeout,
      Optional<QueueSettings> queue,
      Optional<RetrySettings> retry) {
    StringBuilder summary =
        new StringBuilder("to ")
            .append(UrlCredentials.mask(destination))
            .append(", ")
            .append(compression.name().toLowerCase(Locale.ROOT))
            .append(", timeout ")
            .append(Durations.format(timeout))
            .append("; ");
    queue.ifPresentOrElse(
        q ->
            summary
                .append("queue of ")
                .append(q.queueSize())
                .append(' ')
                .append(q.sizer().name().toLowerCase(Locale.ROOT))
                .append(", ")
                .append(q.numConsumers())
                .append(q.numConsumers() == 1 ? " consumer, " : " consumers, ")
                .append(q.blockOnOverflow() ? "waits when full" : "drops when full")
                .append(merging(q.merging())),
        () -> summary.append("no queue"));
    summary.append("; ");
    retry.ifPresentOrElse(
        r ->
            summary
                .append("retry every ")
                .append(Durations.format(r.initialInterval()))
                .append(" to ")
                .append(Durations.format(r.maxInterval()))
                .append(" for at most ")
                .append(Durations.format(r.maxElapsedTime())),
        () -> summary.append("no retry"));
    return summary.toString();
  }

  private static String merging(QueueSettings.Merging merging) {
    return merging.enabled()
        ? ", merges what waits up to "
            + merging.maxItems()
            + " items and "
            + ByteSizes.format(merging.maxBytes())
        : ", sends each batch alone";
  }
}
