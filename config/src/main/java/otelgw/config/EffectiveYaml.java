package otelgw.config;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The merged, expanded config tree, printable with its secrets masked. */
final class EffectiveYaml {

  static final String MASK = "[REDACTED]";

  /** Keys whose values are secrets wherever they stand. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(
          ".*(token|password|secret|api_?key|hmac_key|credential|authorization|key_pem"
              + "|private_key).*");

  /** Sections whose every value is a secret: header values carry credentials. */
  private static final Set<String> SECRET_SECTIONS = Set.of("headers");

  private final Node root;

  EffectiveYaml(Node root) {
    this.root = root;
  }

  String toMaskedYaml() {
    Node masked = mask(root, null, null);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    StringWriter out = new StringWriter();
    new Yaml(options).serialize(masked, out);
    return out.toString();
  }

  /**
   * A copy of {@code node} with secret scalars masked. Walks keys rather than a dotted path,
   * because keys may hold dots themselves (a header {@code x.api.key}, a component {@code
   * otlp/eu.prod}).
   *
   * @param section the key of the mapping holding {@code key}, or null at the top
   * @param key the key {@code node} stands under (list items stand under their list's key)
   */
  private static Node mask(Node node, String section, String key) {
    if (node instanceof ScalarNode scalar) {
      return key != null && isSecret(section, key) && !scalar.getTag().equals(Tag.NULL)
          ? new ScalarNode(
              Tag.STR,
              MASK,
              scalar.getStartMark(),
              scalar.getEndMark(),
              DumperOptions.ScalarStyle.PLAIN)
          : scalar;
    }
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node value = mask(tuple.getValueNode(), key, YamlSource.keyOf(tuple));
        tuples.add(new NodeTuple(tuple.getKeyNode(), value));
      }
      return new MappingNode(
          mapping.getTag(),
          true,
          tuples,
          mapping.getStartMark(),
          mapping.getEndMark(),
          mapping.getFlowStyle());
    }
    if (node instanceof SequenceNode sequence) {
      List<Node> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(mask(item, section, key));
      }
      return new SequenceNode(
          sequence.getTag(),
          true,
          items,
          sequence.getStartMark(),
          sequence.getEndMark(),
          sequence.getFlowStyle());
    }
    return node;
  }

  static boolean isSecret(String section, String key) {
    if (section != null && SECRET_SECTIONS.contains(section.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String leaf = key.toLowerCase(Locale.ROOT);
    return !leaf.endsWith("_file") && SECRET_KEY.matcher(leaf).matches();
  }
}
