package otelgw.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A typed, read-once view of one YAML mapping, for a factory turning its section into a config
 * record. Every getter takes the default the record owns and returns it where the key is absent; a
 * value of the wrong type is reported with its path and line, and the default is returned so that
 * parsing goes on and every error is found in one pass. {@link #finish()} reports the keys nobody
 * read, with a did-you-mean where a known key is close.
 *
 * <p>Not thread-safe: one node is read by one factory at load time.
 */
public final class ConfigNode {

  private final String path;
  private final Node source;
  private final Map<String, Node> entries;
  private final Map<String, Node> keyNodes;
  private final ConfigProblems problems;
  private final Set<String> read = new LinkedHashSet<>();
  // The line of the key this mapping stands under, or 0: a block mapping's first entry is on the
  // line after its key, and an empty section ("debug:") has no node of its own at all.
  private final int keyLine;

  ConfigNode(String path, Node source, ConfigProblems problems) {
    this(path, source, problems, 0);
  }

  private ConfigNode(String path, Node source, ConfigProblems problems, int keyLine) {
    this.path = path;
    this.source = source;
    this.problems = problems;
    this.keyLine = keyLine;
    this.entries = new LinkedHashMap<>();
    this.keyNodes = new LinkedHashMap<>();
    if (source instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
          entries.put(key.getValue(), tuple.getValueNode());
          keyNodes.put(key.getValue(), key);
        }
      }
    }
  }

  /** A node with no keys: every getter returns its default. */
  public static ConfigNode empty(String path, ConfigProblems problems) {
    return new ConfigNode(path, null, problems);
  }

  /** Reads {@code yaml} as a single mapping, for tests and embedded snippets. */
  public static ConfigNode parse(String yaml, String path, ConfigProblems problems) {
    return new ConfigNode(path, YamlSource.compose(yaml, "<inline>"), problems);
  }

  /** The dotted YAML path of this mapping. */
  public String path() {
    return path;
  }

  /** The dotted YAML path of one of its keys. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The problems this load collects; factories may add their own range checks. */
  public ConfigProblems problems() {
    return problems;
  }

  /** The keys present, in file order. Reading them marks none as read. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public String string(String key, String defaultValue) {
    return scalar(key, defaultValue, "a string", Function.identity());
  }

  public Optional<String> optionalString(String key) {
    return Optional.ofNullable(string(key, null));
  }

  public int integer(String key, int defaultValue) {
    return scalar(key, defaultValue, "a whole number", Integer::parseInt);
  }

  public long longValue(String key, long defaultValue) {
    return scalar(key, defaultValue, "a whole number", Long::parseLong);
  }

  public double decimal(String key, double defaultValue) {
    return scalar(key, defaultValue, "a number", Double::parseDouble);
  }

  public boolean bool(String key, boolean defaultValue) {
    return scalar(key, defaultValue, "true or false", ConfigNode::parseBoolean);
  }

  public Duration duration(String key, Duration defaultValue) {
    return scalar(key, defaultValue, "a duration such as 200ms, 5s or 1m", Durations::parse);
  }

  /** A size in bytes: a plain number or a number with a unit, {@code 512KiB}, {@code 20MiB}. */
  public long bytes(String key, long defaultValue) {
    return scalar(key, defaultValue, "a size such as 1048576 or 20MiB", ByteSizes::parse);
  }

  /** An enum constant named in lower case in YAML, such as {@code sizer: items}. */
  public <E extends Enum<E>> E enumValue(String key, E defaultValue) {
    Class<E> type = defaultValue.getDeclaringClass();
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    return scalar(
        key,
        defaultValue,
        "one of " + String.join(", ", names),
        text -> Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
  }

  /** A list of strings; absent is an empty list. */
  public List<String> strings(String key) {
    Node node = take(key);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      error(key, node, "expected a list of strings");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode scalar) {
        values.add(scalar.getValue());
      } else {
        error(key, item, "expected a list of strings");
      }
    }
    return List.copyOf(values);
  }

  /** A mapping of strings to strings, such as {@code headers}; absent is an empty map. */
  public Map<String, String> stringMap(String key) {
    Optional<ConfigNode> section = section(key);
    if (section.isEmpty()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : section.get().keys()) {
      values.put(name, section.get().string(name, ""));
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * A nested mapping, present or not. A key with a null value ({@code debug:}) is a present, empty
   * section, as in the Collector.
   */
  public Optional<ConfigNode> section(String key) {
    Node node = take(key);
    if (node == null) {
      return Optional.empty();
    }
    if (isNull(node) || node instanceof MappingNode) {
      return Optional.of(
          new ConfigNode(
              pathOf(key), isNull(node) ? null : node, problems, lineOf(keyNodes.get(key))));
    }
    error(key, node, "expected a mapping of keys to values");
    return Optional.empty();
  }

  /**
   * A list of mappings, such as the attributes processor's {@code actions}; absent is an empty
   * list. Each item's path is {@code key[i]}; an item that is not a mapping is reported there and
   * left out.
   */
  public List<ConfigNode> sectionList(String key) {
    Node node = take(key);
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode sequence)) {
      error(key, node, "expected a list of mappings");
      return List.of();
    }
    List<ConfigNode> sections = new ArrayList<>();
    List<Node> items = sequence.getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String itemPath = pathOf(key) + "[" + i + "]";
      if (isNull(item) || item instanceof MappingNode) {
        sections.add(new ConfigNode(itemPath, isNull(item) ? null : item, problems));
      } else {
        problems.error(itemPath, lineOf(item), "expected a mapping of keys to values");
      }
    }
    return List.copyOf(sections);
  }

  /** A nested mapping, or an empty one where it is absent. */
  public ConfigNode sectionOrEmpty(String key) {
    return section(key).orElseGet(() -> empty(pathOf(key), problems));
  }

  /** Records an error about {@code key} unless {@code ok}; for a record's range checks. */
  public void check(boolean ok, String key, String message) {
    if (!ok) {
      error(key, entries.get(key), message);
    }
  }

  /** Records an error about {@code key}. */
  public void error(String key, String message) {
    error(key, entries.get(key), message);
  }

  /** Records a warning about {@code key}. */
  public void warning(String key, String message) {
    problems.warning(pathOf(key), lineOf(entries.get(key)), message);
  }

  /** Reports every key not read, naming the closest known key where one is near. */
  public void finish(Set<String> knownKeys) {
    for (String key : entries.keySet()) {
      if (!read.contains(key)) {
        // Never suggest the key itself: a known key left unread is not a typo.
        Optional<String> hint =
            DidYouMean.closest(key, knownKeys.stream().filter(k -> !k.equals(key)).toList())
                .map(k -> " (did you mean '" + k + "'?)");
        error(key, entries.get(key), "unknown key '" + key + "'" + hint.orElse(""));
      }
    }
  }

  /** Reports every key not read, suggesting among the keys that were read. */
  public void finish() {
    finish(read);
  }

  /** The line {@code key} stands on, or this mapping's {@link #line()} where it is absent. */
  public int lineOf(String key) {
    Node node = keyNodes.get(key);
    return node != null ? lineOf(node) : line();
  }

  /**
   * The line of this mapping's key ({@code otlp/backend:}), where a reader looks for it; else the
   * line the mapping starts on; 0 if neither is known.
   */
  public int line() {
    return keyLine > 0 ? keyLine : lineOf(source);
  }

  private <T> T scalar(String key, T defaultValue, String expected, Function<String, T> parse) {
    Node node = take(key);
    if (node == null || isNull(node)) {
      return defaultValue;
    }
    if (!(node instanceof ScalarNode scalar)) {
      error(key, node, "expected " + expected);
      return defaultValue;
    }
    try {
      return parse.apply(scalar.getValue());
    } catch (IllegalArgumentException | ArithmeticException e) {
      String detail =
          e.getMessage() != null && e.getMessage().startsWith("'") ? e.getMessage() : null;
      error(
          key,
          node,
          detail != null ? detail : "expected " + expected + ", got '" + scalar.getValue() + "'");
      return defaultValue;
    }
  }

  private Node take(String key) {
    read.add(key);
    return entries.get(key);
  }

  private void error(String key, Node node, String message) {
    problems.error(pathOf(key), node != null ? lineOf(node) : line(), message);
  }

  private static boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  static int lineOf(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
