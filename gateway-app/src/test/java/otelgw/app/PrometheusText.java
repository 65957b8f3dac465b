package otelgw.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), written from its
 * specification for tests: every line is blank, a comment, {@code # HELP}, {@code # TYPE}, or a
 * sample {@code name{label="value",...} value [timestamp]}. Anything else, a family typed twice or
 * after its samples, a sample of an undeclared family, or a series twice, fails the read.
 */
final class PrometheusText {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES =
      Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final Map<String, String> types = new HashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  /** Reads a whole exposition; throws {@link IllegalArgumentException} naming the bad line. */
  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    String[] lines = text.split("\n", -1);
    Set<String> seenFamilies = new HashSet<>();
    Set<String> series = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      try {
        parsed.line(line, seenFamilies, series);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
      }
    }
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    return parsed;
  }

  List<Sample> samples() {
    return samples;
  }

  /** The type a family was declared with. */
  Optional<String> type(String family) {
    return Optional.ofNullable(types.get(family));
  }

  /** The value of the one series with this name and at least these labels. */
  Optional<Double> value(String name, Map<String, String> labels) {
    List<Sample> matching =
        samples.stream()
            .filter(s -> s.name.equals(name) && s.labels.entrySet().containsAll(labels.entrySet()))
            .toList();
    if (matching.size() > 1) {
      throw new IllegalArgumentException(matching.size() + " series match " + name + labels);
    }
    return matching.stream().findFirst().map(Sample::value);
  }

  private void line(String line, Set<String> seenFamilies, Set<String> series) {
    if (line.isBlank()) {
      return;
    }
    if (line.startsWith("#")) {
      String[] parts = line.split(" ", 4);
      if (parts.length >= 3 && parts[1].equals("TYPE")) {
        String family = name(parts[2]);
        if (parts.length != 4 || !TYPES.contains(parts[3])) {
          throw new IllegalArgumentException("TYPE needs one of " + TYPES);
        }
        if (types.put(family, parts[3]) != null || seenFamilies.contains(family)) {
          throw new IllegalArgumentException(
              "family " + family + " typed twice or after its samples");
        }
      } else if (parts.length >= 3 && parts[1].equals("HELP")) {
        name(parts[2]);
      }
      return;
    }
    int at = 0;
    int nameEnd = indexOfAny(line, "{ ", 0);
    if (nameEnd < 0) {
      throw new IllegalArgumentException("a sample needs a value");
    }
    String name = name(line.substring(0, nameEnd));
    Map<String, String> labels = new LinkedHashMap<>();
    at = nameEnd;
    if (line.charAt(at) == '{') {
      at = labels(line, at + 1, labels);
    }
    if (at >= line.length() || line.charAt(at) != ' ') {
      throw new IllegalArgumentException("expected a space before the value");
    }
    String[] rest = line.substring(at + 1).split(" ");
    if (rest.length < 1 || rest.length > 2) {
      throw new IllegalArgumentException("expected a value and an optional timestamp");
    }
    double value = value(rest[0]);
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    String family = family(name);
    seenFamilies.add(family);
    if (!series.add(name + labels)) {
      throw new IllegalArgumentException("series " + name + labels + " appears twice");
    }
    samples.add(new Sample(name, Map.copyOf(labels), value));
  }

  /** The declared family a sample belongs to: its own name or the name less a type's suffix. */
  private String family(String name) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : List.of("_bucket", "_sum", "_count", "_created")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        String type = types.get(base);
        if ("histogram".equals(type) || "summary".equals(type)) {
          return base;
        }
      }
    }
    throw new IllegalArgumentException("sample of family " + name + " with no TYPE line");
  }

  private static int labels(String line, int at, Map<String, String> labels) {
    while (true) {
      if (line.charAt(at) == '}') {
        return at + 1;
      }
      int equals = line.indexOf('=', at);
      if (equals < 0) {
        throw new IllegalArgumentException("expected label=\"value\"");
      }
      String label = line.substring(at, equals);
      if (!LABEL_NAME.matcher(label).matches()) {
        throw new IllegalArgumentException("bad label name '" + label + "'");
      }
      if (line.charAt(equals + 1) != '"') {
        throw new IllegalArgumentException("a label value must be quoted");
      }
      StringBuilder value = new StringBuilder();
      int i = equals + 2;
      for (; line.charAt(i) != '"'; i++) {
        char c = line.charAt(i);
        if (c == '\\') {
          char escaped = line.charAt(++i);
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException("bad escape \\" + escaped);
          }
        } else {
          value.append(c);
        }
      }
      if (labels.put(label, value.toString()) != null) {
        throw new IllegalArgumentException("label " + label + " twice");
      }
      at = i + 1;
      if (line.charAt(at) == ',') {
        at++;
      } else if (line.charAt(at) != '}') {
        throw new IllegalArgumentException("expected ',' or '}' after a label");
      }
    }
  }

  private static String name(String name) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad metric name '" + name + "'");
    }
    return name;
  }

  private static double value(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static int indexOfAny(String text, String chars, int from) {
    for (int i = from; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
