package otelgw.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns load-test records into Markdown: per scenario the median of the repeats with the spread
 * (min–max) beside it, the ratio of maximum-rate throughput to the relay's in the same repetition,
 * and the cost per span against the Collector's published figures.
 */
final class Summary {

  /** The Collector testbed's OTLP/gRPC and OTLP/HTTP figures: spans per CPU-second. */
  static final double COLLECTOR_GRPC = 138_000;

  static final double COLLECTOR_HTTP = 170_000;

  private Summary() {}

  /** One run, one line, as it finishes. */
  static String line(Map<String, Object> r) {
    return String.format(
        Locale.ROOT,
        "%-44s #%s %9.0f spans/s %9s spans/cpu-s %5.2f cores p50 %6.2f ms p99 %7.2f ms"
            + " rss %5.0f MiB (end %5.0f) heap %5.1f MiB lost %d refused %d failed %d skipped %d",
        r.get("scenario"),
        r.get("repeat"),
        num(r, "spans_per_s"),
        r.get("spans_per_cpu_s") == null ? "-" : String.format("%.0f", num(r, "spans_per_cpu_s")),
        num(r, "target_cores"),
        num(r, "p50_ms"),
        num(r, "p99_ms"),
        num(r, "peak_rss_mib"),
        num(r, "end_rss_mib"),
        num(r, "heap_after_gc_mib"),
        (long) num(r, "lost_spans"),
        (long) num(r, "refused_requests"),
        (long) num(r, "failed_requests"),
        (long) num(r, "skipped_requests"));
  }

  static String markdown(List<Map<String, Object>> records) {
    Map<String, List<Map<String, Object>>> byScenario = new LinkedHashMap<>();
    for (Map<String, Object> r : records) {
      byScenario.computeIfAbsent((String) r.get("scenario"), s -> new ArrayList<>()).add(r);
    }
    StringBuilder md = new StringBuilder();
    md.append(
        "| scenario | n | spans/s | spans per CPU-s | CPU µs/span | vs Collector | otelgw cores"
            + " | p50 ms | p99 ms | peak RSS MiB | RSS at end MiB | heap after GC MiB | lost"
            + " | refused |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Map<String, Object>>> e : byScenario.entrySet()) {
      List<Map<String, Object>> runs = e.getValue();
      Map<String, Object> first = runs.get(0);
      double collector = "http".equals(first.get("protocol")) ? COLLECTOR_HTTP : COLLECTOR_GRPC;
      md.append("| ")
          .append(e.getKey())
          .append(" | ")
          .append(runs.size())
          .append(" | ")
          .append(stat(runs, r -> num(r, "spans_per_s"), "%.0f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "spans_per_cpu_s"), "%.0f"))
          .append(" | ")
          .append(stat(runs, r -> 1e6 / num(r, "spans_per_cpu_s"), "%.2f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "spans_per_cpu_s") / collector, "%.1fx"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "target_cores"), "%.2f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "p50_ms"), "%.2f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "p99_ms"), "%.2f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "peak_rss_mib"), "%.0f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "end_rss_mib"), "%.0f"))
          .append(" | ")
          .append(stat(runs, r -> num(r, "heap_after_gc_mib"), "%.1f"))
          .append(" | ")
          .append(String.format("%.0f", max(runs, r -> num(r, "lost_spans"))))
          .append(" | ")
          .append(String.format("%.0f", sum(runs, r -> num(r, "refused_requests"))))
          .append(" |\n");
    }
    md.append(relayRatios(records));
    return md.toString();
  }

  /**
   * Max-rate throughput of each otelgw config over gRPC, divided by the relay's in the same repeat.
   */
  private static String relayRatios(List<Map<String, Object>> records) {
    Map<Object, Double> relayByRepeat = new LinkedHashMap<>();
    for (Map<String, Object> r : records) {
      if (Scenario.RELAY.equals(r.get("target")) && "max".equals(r.get("load"))) {
        relayByRepeat.put(r.get("repeat"), num(r, "spans_per_s"));
      }
    }
    if (relayByRepeat.isEmpty()) {
      return "";
    }
    Map<String, List<Map<String, Object>>> ratios = new LinkedHashMap<>();
    for (Map<String, Object> r : records) {
      Double relay = relayByRepeat.get(r.get("repeat"));
      if (relay != null
          && !Scenario.RELAY.equals(r.get("target"))
          && "max".equals(r.get("load"))
          && "grpc".equals(r.get("protocol"))) {
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("ratio", num(r, "spans_per_s") / relay);
        ratios.computeIfAbsent((String) r.get("target"), t -> new ArrayList<>()).add(ratio);
      }
    }
    StringBuilder md =
        new StringBuilder("\n| max-rate throughput over gRPC | vs relay |\n|---|---|\n");
    ratios.forEach(
        (target, list) ->
            md.append("| ")
                .append(target)
                .append(" | ")
                .append(stat(list, r -> num(r, "ratio"), "%.2fx"))
                .append(" |\n"));
    return md.toString();
  }

  /** The median, and the spread {@code [min–max]} when there is more than one run. */
  private static String stat(
      List<Map<String, Object>> runs, Function<Map<String, Object>, Double> value, String format) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Object> r : runs) {
      Double v = value.apply(r);
      if (v != null && Double.isFinite(v)) {
        values.add(v);
      }
    }
    if (values.isEmpty()) {
      return "-";
    }
    values.sort(Double::compare);
    int n = values.size();
    double median =
        n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    String text = String.format(Locale.ROOT, format, median);
    if (n > 1) {
      text +=
          " ["
              + String.format(Locale.ROOT, format, values.get(0))
              + "–"
              + String.format(Locale.ROOT, format, values.get(n - 1))
              + "]";
    }
    return text;
  }

  private static double max(
      List<Map<String, Object>> runs, Function<Map<String, Object>, Double> value) {
    return runs.stream().mapToDouble(value::apply).max().orElse(Double.NaN);
  }

  private static double sum(
      List<Map<String, Object>> runs, Function<Map<String, Object>, Double> value) {
    return runs.stream().mapToDouble(value::apply).sum();
  }

  private static double num(Map<String, Object> record, String key) {
    Object value = record.get(key);
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
