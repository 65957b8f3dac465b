package otelgw.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads Collector-shaped YAML: several files deep-merged in order (mappings merged, lists
 * replaced), then {@code --set} overrides, then environment expansion, then the structure checked.
 *
 * <p>Syntax errors and unreadable files throw at once. Structural problems (unknown sections,
 * undefined or unused components, pipelines without receivers or exporters) are collected in the
 * returned config's {@link GatewayConfig#problems()}, where the factories add theirs, so that one
 * validation run lists every mistake.
 */
public final class ConfigLoader {

  private static final Set<String> TOP_LEVEL =
      Set.of("receivers", "processors", "exporters", "extensions", "connectors", "service");

  private final Map<String, String> env;

  /** A loader expanding references against {@code env}, usually {@code System.getenv()}. */
  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Loads and merges {@code files} in order, then applies {@code overrides} ({@code a.b=value}).
   */
  public GatewayConfig load(List<Path> files, List<String> overrides) throws ConfigException {
    List<Node> documents = new ArrayList<>();
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new ConfigException(file.toString(), "cannot read the file: " + e.getMessage());
      }
      documents.add(compose(text, file.toString()));
    }
    return build(documents, overrides);
  }

  /** Loads one YAML document given as text. */
  public GatewayConfig loadYaml(String yaml, String sourceName) throws ConfigException {
    return loadYaml(yaml, sourceName, List.of());
  }

  /** Loads one YAML document given as text, then applies {@code overrides}. */
  public GatewayConfig loadYaml(String yaml, String sourceName, List<String> overrides)
      throws ConfigException {
    return build(List.of(compose(yaml, sourceName)), overrides);
  }

  private GatewayConfig build(List<Node> documents, List<String> overrides) throws ConfigException {
    Node merged = YamlSource.emptyMapping();
    for (Node document : documents) {
      if (!(document instanceof MappingNode)) {
        throw new ConfigException("", "the config must be a mapping of sections to values");
      }
      merged = YamlSource.merge(merged, document);
    }
    for (String override : overrides) {
      merged = YamlSource.merge(merged, overrideNode(override));
    }
    ConfigProblems problems = new ConfigProblems();
    Node expanded = YamlSource.expand(merged, "", env, problems);
    return new StructureReader(new ConfigNode("", expanded, problems), problems)
        .read(new EffectiveYaml(expanded));
  }

  private static Node compose(String text, String sourceName) throws ConfigException {
    try {
      return YamlSource.compose(text, sourceName);
    } catch (YamlSource.YamlSyntaxException e) {
      throw new ConfigException(
          List.of(
              new ConfigProblem(
                  ConfigProblem.Severity.ERROR,
                  sourceName,
                  e.line,
                  "not valid YAML: " + e.getMessage())));
    }
  }

  /** Turns {@code a.b.c=value} into the mapping {@code {a: {b: {c: value}}}}. */
  private static Node overrideNode(String override) throws ConfigException {
    int equals = override.indexOf('=');
    if (equals <= 0) {
      throw new ConfigException("--set", "'" + override + "' is not of the form key.path=value");
    }
    String[] keys = override.substring(0, equals).split("\\.");
    Node node;
    try {
      node = YamlSource.compose(override.substring(equals + 1), "--set");
    } catch (YamlSource.YamlSyntaxException e) {
      throw new ConfigException("--set", "'" + override + "': not valid YAML: " + e.getMessage());
    }
    for (int i = keys.length - 1; i >= 0; i--) {
      ScalarNode key =
          new ScalarNode(Tag.STR, keys[i], null, null, DumperOptions.ScalarStyle.PLAIN);
      List<NodeTuple> entry = new ArrayList<>(List.of(new NodeTuple(key, node)));
      node = new MappingNode(Tag.MAP, entry, DumperOptions.FlowStyle.AUTO);
    }
    return node;
  }

  static Set<String> topLevelKeys() {
    return TOP_LEVEL;
  }
}
