package otelgw.config;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The merged, expanded config tree, printable with its secrets masked. */
final class EffectiveYaml {

  static final String MASK = "[REDACTED]";

  /** Keys whose values are secrets wherever they stand. */
  private static final Pattern SECRET_KEY =
      Pattern.compile(".*(token|password|secret|api_?key|hmac_key|credential|authorization).*");

  /** Sections whose every value is a secret: header values carry credentials. */
  private static final Set<String> SECRET_SECTIONS = Set.of("headers");

  private final Node root;

  EffectiveYaml(Node root) {
    this.root = root;
  }

  String toMaskedYaml() {
    Node masked =
        YamlSource.rewrite(
            root,
            "",
            (scalar, path) ->
                isSecret(path) && !scalar.getTag().equals(Tag.NULL)
                    ? new ScalarNode(
                        Tag.STR,
                        MASK,
                        scalar.getStartMark(),
                        scalar.getEndMark(),
                        DumperOptions.ScalarStyle.PLAIN)
                    : scalar);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    StringWriter out = new StringWriter();
    new Yaml(options).serialize(masked, out);
    return out.toString();
  }

  static boolean isSecret(String path) {
    String[] parts = path.toLowerCase(Locale.ROOT).split("\\.");
    String leaf = parts[parts.length - 1].replaceAll("\\[\\d+]$", "");
    if (parts.length >= 2 && SECRET_SECTIONS.contains(parts[parts.length - 2])) {
      return true;
    }
    return !leaf.endsWith("_file") && SECRET_KEY.matcher(leaf).matches();
  }
}
