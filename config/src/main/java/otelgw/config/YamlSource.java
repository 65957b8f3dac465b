package otelgw.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into SnakeYAML's node tree, which keeps line numbers, and rewrites that tree:
 * environment expansion of scalars and the deep merge of several files.
 */
final class YamlSource {

  private static final Resolver RESOLVER = new Resolver();

  private YamlSource() {}

  /** Composes one YAML document; an empty document is an empty mapping. */
  static Node compose(String yaml, String sourceName) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(8 * 1024 * 1024);
    try {
      Node node = new Yaml(options).compose(new StringReader(yaml));
      if (node == null) {
        return emptyMapping();
      }
      checkShape(node, sourceName, identitySet(), identitySet());
      return node;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new YamlSyntaxException(sourceName, line, e.getProblem());
    } catch (YAMLException e) {
      throw new YamlSyntaxException(sourceName, 0, e.getMessage());
    }
  }

  /**
   * Rejects what the composer lets through but the later steps cannot take: a key given twice in
   * one mapping (the loader options' duplicate-key check runs only when constructing objects, which
   * this class never does), and an alias to a mapping or list that contains it (a cycle that the
   * tree walks below would follow forever).
   */
  private static void checkShape(Node node, String sourceName, Set<Node> open, Set<Node> done) {
    if (done.contains(node)) {
      return;
    }
    if (!open.add(node)) {
      throw new YamlSyntaxException(
          sourceName,
          ConfigNode.lineOf(node),
          "an alias refers to a mapping or list that contains it");
    }
    if (node instanceof MappingNode mapping) {
      Set<String> keys = new HashSet<>();
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
          throw new YamlSyntaxException(
              sourceName, ConfigNode.lineOf(key), "duplicate key '" + key.getValue() + "'");
        }
        checkShape(tuple.getValueNode(), sourceName, open, done);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        checkShape(item, sourceName, open, done);
      }
    }
    open.remove(node);
    done.add(node);
  }

  private static Set<Node> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  static MappingNode emptyMapping() {
    return new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.AUTO);
  }

  /**
   * Expands {@code ${env:VAR}}, {@code ${env:VAR:-default}}, {@code ${VAR}} and {@code $$} in every
   * scalar, reporting a missing variable (without a default) with the path where it is used. A
   * scalar that was plain text and expands to a number or boolean takes that type, as in the
   * Collector.
   */
  static Node expand(Node node, String path, Map<String, String> env, ConfigProblems problems) {
    return rewrite(
        node,
        path,
        (scalar, at) -> {
          String expanded =
              EnvExpansion.expand(
                  scalar.getValue(),
                  env,
                  missing ->
                      problems.error(
                          at,
                          ConfigNode.lineOf(scalar),
                          "environment variable '" + missing + "' is not set and has no default"));
          if (expanded.equals(scalar.getValue())) {
            return scalar;
          }
          Tag tag =
              scalar.getTag().equals(Tag.STR) && scalar.getScalarStyle().getChar() == null
                  ? RESOLVER.resolve(NodeId.scalar, expanded, true)
                  : scalar.getTag();
          return new ScalarNode(
              tag, expanded, scalar.getStartMark(), scalar.getEndMark(), scalar.getScalarStyle());
        });
  }

  /** Deep merge: mappings merge key by key, anything else in {@code overlay} replaces. */
  static Node merge(Node base, Node overlay) {
    if (!(base instanceof MappingNode baseMap) || !(overlay instanceof MappingNode overlayMap)) {
      return overlay;
    }
    List<NodeTuple> merged = new ArrayList<>(baseMap.getValue());
    for (NodeTuple tuple : overlayMap.getValue()) {
      String key = keyOf(tuple);
      int index = indexOf(merged, key);
      if (index < 0) {
        merged.add(tuple);
      } else {
        Node value = merge(merged.get(index).getValueNode(), tuple.getValueNode());
        merged.set(index, new NodeTuple(merged.get(index).getKeyNode(), value));
      }
    }
    return new MappingNode(
        Tag.MAP, true, merged, baseMap.getStartMark(), baseMap.getEndMark(), FlowStyle.AUTO);
  }

  /** Applies {@code change} to every scalar below {@code node}, passing its dotted path. */
  static Node rewrite(Node node, String path, ScalarRewrite change) {
    if (node instanceof ScalarNode scalar) {
      return change.apply(scalar, path);
    }
    if (node instanceof MappingNode mapping) {
      List<NodeTuple> tuples = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = keyOf(tuple);
        String childPath = path.isEmpty() ? key : path + "." + key;
        tuples.add(
            new NodeTuple(tuple.getKeyNode(), rewrite(tuple.getValueNode(), childPath, change)));
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
      int i = 0;
      for (Node item : sequence.getValue()) {
        items.add(rewrite(item, path + "[" + i++ + "]", change));
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

  static String keyOf(NodeTuple tuple) {
    return tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "?";
  }

  private static int indexOf(List<NodeTuple> tuples, String key) {
    for (int i = 0; i < tuples.size(); i++) {
      if (keyOf(tuples.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** A change to one scalar, knowing where it stands. */
  interface ScalarRewrite {
    ScalarNode apply(ScalarNode scalar, String path);
  }

  /** YAML that does not parse; carries the source and line. */
  static final class YamlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String source;
    final int line;

    YamlSyntaxException(String source, int line, String problem) {
      super(problem);
      this.source = source;
      this.line = line;
    }
  }
}
