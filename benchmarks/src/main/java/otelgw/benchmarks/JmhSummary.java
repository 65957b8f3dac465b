package otelgw.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads JMH's JSON results ({@code -rf json}) and prints a Markdown table with the time and the
 * allocation ({@code -prof gc}) per operation and, where the benchmark has a {@code spans}
 * parameter, per span.
 *
 * <p>{@code java -cp benchmarks.jar otelgw.benchmarks.JmhSummary benchmarks/results/jmh.json}
 */
public final class JmhSummary {

  private JmhSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: JmhSummary JMH_RESULTS.json");
      System.exit(2);
    }
    System.out.print(markdown(read(Path.of(args[0]))));
  }

  /** One benchmark result: its name, parameters, score (ns/op), error and allocation (B/op). */
  record Row(
      String benchmark, Map<String, String> params, double score, double error, double alloc) {}

  static String markdown(List<Row> rows) {
    StringBuilder md =
        new StringBuilder(
            "| benchmark | params | ns/op | ± | B/op | ns/span | B/span |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");
    for (Row row : rows) {
      String spans = row.params().get("spans");
      double perSpan = spans == null ? Double.NaN : Double.parseDouble(spans);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.0f | %.0f | %s | %s | %s |%n",
              row.benchmark(),
              row.params().isEmpty() ? "" : row.params().toString().replaceAll("[{}]", ""),
              row.score(),
              row.error(),
              Double.isNaN(row.alloc()) ? "-" : String.format(Locale.ROOT, "%.0f", row.alloc()),
              Double.isNaN(perSpan)
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", row.score() / perSpan),
              Double.isNaN(perSpan) || Double.isNaN(row.alloc())
                  ? "-"
                  : String.format(Locale.ROOT, "%.1f", row.alloc() / perSpan)));
    }
    return md.toString();
  }

  /** The results in a JMH JSON file, benchmark names shortened to {@code Class.method}. */
  static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      expect(json.nextToken(), JsonToken.START_ARRAY);
      while (json.nextToken() == JsonToken.START_OBJECT) {
        String benchmark = "";
        Map<String, String> params = new LinkedHashMap<>();
        double score = Double.NaN;
        double error = Double.NaN;
        double alloc = Double.NaN;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String field = json.currentName();
          json.nextToken();
          switch (field) {
            case "benchmark" -> {
              String[] parts = json.getText().split("\\.");
              benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
            }
            case "params" -> {
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                params.put(name, json.getText());
              }
            }
            case "primaryMetric" -> {
              Map<String, Double> metric = metric(json);
              score = metric.getOrDefault("score", Double.NaN);
              error = metric.getOrDefault("scoreError", Double.NaN);
            }
            case "secondaryMetrics" -> {
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                Map<String, Double> metric = metric(json);
                if (name.equals("gc.alloc.rate.norm")) {
                  alloc = metric.getOrDefault("score", Double.NaN);
                }
              }
            }
            default -> json.skipChildren();
          }
        }
        rows.add(new Row(benchmark, params, score, error, alloc));
      }
    }
    return rows;
  }

  /** The numeric fields of a metric object; nested arrays and objects are skipped. */
  private static Map<String, Double> metric(JsonParser json) throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT) {
        values.put(name, json.getDoubleValue());
      } else if (value == JsonToken.VALUE_STRING) {
        try {
          values.put(name, Double.parseDouble(json.getText()));
        } catch (NumberFormatException e) {
          // "NaN" and the like: leave out
        }
      } else {
        json.skipChildren();
      }
    }
    return values;
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException(
          "not a JMH JSON result file: expected " + expected + ", found " + actual);
    }
  }
}
