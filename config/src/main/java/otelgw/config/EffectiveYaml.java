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

/**
 * The merged, expanded config tree, printable with its secrets masked: values under secret keys and
 * in {@code headers}, and the password of any URL's userinfo in any value.
 */
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
      if (scalar.getTag().equals(Tag.NULL)) {
        return scalar;
      }
      if (key != null && isSecret(section, key)) {
        return replaced(scalar, MASK);
      }
      // A password can stand in any URL, under any key: https://user:pass@host.
      String value = scalar.getValue();
      String masked = UrlCredentials.mask(value);
      return masked.equals(value) ? scalar : replaced(scalar, masked);
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

  private static ScalarNode replaced(ScalarNode scalar, String value) {
    return new ScalarNode(
        Tag.STR,
        value,
        scalar.getStartMark(),
        scalar.getEndMark(),
        DumperOptions.ScalarStyle.PLAIN);
  }

  static boolean isSecret(String section, String key) {
    if (section != null && SECRET_SECTIONS.contains(section.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String leaf = key.toLowerCase(Locale.ROOT);
    return !leaf.endsWith("_file") && SECRET_KEY.matcher(leaf).matches();
  }
}
