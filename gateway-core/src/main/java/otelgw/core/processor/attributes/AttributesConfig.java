package otelgw.core.processor.attributes;

import java.util.List;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * {@code attributes}: a list of {@code actions} applied in order to the attributes of spans, log
 * records and metric data points, as the Collector's attributes processor does. The Collector's
 * {@code include}/{@code exclude} filters and {@code from_context} are not supported.
 *
 * @param actions at least one
 */
public record AttributesConfig(List<ActionConfig> actions) {

  public AttributesConfig {
    actions = List.copyOf(actions);
  }

  static AttributesConfig parse(ConfigNode node) {
    boolean present = node.has("actions");
    List<ActionConfig> actions =
        node.sectionList("actions").stream().map(ActionConfig::parse).toList();
    if (actions.isEmpty()) {
      node.error("actions", present ? "list at least one action" : "required: a list of actions");
    }
    node.finish(Set.of("actions"));
    return new AttributesConfig(actions);
  }
}
