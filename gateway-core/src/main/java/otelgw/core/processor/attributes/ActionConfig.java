package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import otelgw.config.ConfigNode;
import otelgw.core.regex.GuardedPattern;

/**
 * One entry of {@code actions}, with the Collector's keys and rules: {@code key} is required except
 * for {@code delete} and {@code hash}, which take {@code key}, {@code pattern} (a regex over keys)
 * or both; {@code insert}, {@code update} and {@code upsert} take exactly one of {@code value} or
 * {@code from_attribute}; {@code extract} takes a {@code pattern} whose groups are all named;
 * {@code convert} takes {@code converted_type}.
 *
 * @param action what to do
 * @param key the attribute acted on, or empty
 * @param pattern a regex (over keys; over the value for {@code extract}), or empty
 * @param value the value to set, if given
 * @param fromAttribute the attribute to take the value from, or empty
 * @param convertedType the type to convert to, for {@code convert}
 */
public record ActionConfig(
    ActionType action,
    String key,
    String pattern,
    Optional<AnyValue> value,
    String fromAttribute,
    Optional<ConvertedType> convertedType) {

  private static final Set<String> KEYS =
      Set.of(
          "action", "key", "value", "pattern", "from_attribute", "from_context", "converted_type");

  public ActionConfig {
    Objects.requireNonNull(action, "action");
  }

  static ActionConfig parse(ConfigNode node) {
    String name = node.string("action", "");
    Optional<ActionType> type = ActionType.byName(name);
    if (type.isEmpty()) {
      String known =
          String.join(
              ", ", Arrays.stream(ActionType.values()).map(ActionType::configName).toList());
      node.error(
          "action",
          name.isEmpty()
              ? "required: one of " + known
              : "unknown action '" + name + "': use one of " + known);
    }
    String key = node.string("key", "");
    String pattern = node.string("pattern", "");
    Optional<AnyValue> value = node.optionalString("value").map(ScalarValues::of);
    String fromAttribute = node.string("from_attribute", "");
    boolean fromContext = node.optionalString("from_context").isPresent();
    if (fromContext) {
      node.error(
          "from_context", "not supported: otelgw does not pass client metadata to processors");
    }
    String converted = node.string("converted_type", "");
    Optional<ConvertedType> convertedType = ConvertedType.byName(converted);
    ActionConfig config =
        new ActionConfig(
            type.orElse(ActionType.UPSERT), key, pattern, value, fromAttribute, convertedType);
    if (type.isPresent() && !fromContext) {
      config.validate(node, converted);
    }
    node.finish(KEYS);
    return config;
  }

  private void validate(ConfigNode node, String converted) {
    String verb = "'" + action.configName() + "'";
    int sources = (value.isPresent() ? 1 : 0) + (fromAttribute.isEmpty() ? 0 : 1);
    switch (action) {
      case INSERT, UPDATE, UPSERT -> {
        requireKey(node);
        node.check(sources > 0, "value", verb + " needs 'value' or 'from_attribute'");
        node.check(sources < 2, "from_attribute", "set 'value' or 'from_attribute', not both");
        node.check(pattern.isEmpty(), "pattern", verb + " does not use 'pattern'");
      }
      case DELETE, HASH -> {
        node.check(
            !key.isEmpty() || !pattern.isEmpty(), "key", verb + " needs 'key', 'pattern' or both");
        node.check(value.isEmpty(), "value", verb + " does not use 'value'");
        node.check(fromAttribute.isEmpty(), "from_attribute", verb + " does not use it");
        compile(node);
      }
      case EXTRACT -> {
        requireKey(node);
        node.check(
            sources == 0,
            value.isPresent() ? "value" : "from_attribute",
            verb + " does not use a value source");
        if (pattern.isEmpty()) {
          node.error("pattern", verb + " needs 'pattern', a regex with named groups");
        } else if (compile(node)) {
          checkGroups(node);
        }
      }
      case CONVERT -> {
        requireKey(node);
        node.check(
            sources == 0,
            value.isPresent() ? "value" : "from_attribute",
            verb + " does not use a value source");
        node.check(pattern.isEmpty(), "pattern", verb + " does not use 'pattern'");
        if (converted.isEmpty()) {
          node.error("converted_type", verb + " needs 'converted_type': int, double or string");
        } else if (convertedType.isEmpty()) {
          node.error(
              "converted_type", "unknown type '" + converted + "': use int, double or string");
        }
      }
    }
    if (action != ActionType.CONVERT) {
      node.check(converted.isEmpty(), "converted_type", verb + " does not use 'converted_type'");
    }
  }

  private void requireKey(ConfigNode node) {
    node.check(!key.isEmpty(), "key", "required for '" + action.configName() + "'");
  }

  /**
   * Whether the pattern compiles; an {@code extract} pattern once its named groups are made plain.
   */
  private boolean compile(ConfigNode node) {
    if (pattern.isEmpty()) {
      return false;
    }
    try {
      String regex = action == ActionType.EXTRACT ? NamedGroups.of(pattern).regex() : pattern;
      GuardedPattern.compile(regex, GuardedPattern.DEFAULT_INPUT_LIMIT);
      return true;
    } catch (PatternSyntaxException e) {
      node.error("pattern", "not a valid regular expression: " + e.getDescription());
      return false;
    }
  }

  private void checkGroups(ConfigNode node) {
    NamedGroups groups = NamedGroups.of(pattern);
    int count =
        GuardedPattern.compile(groups.regex(), GuardedPattern.DEFAULT_INPUT_LIMIT).groupCount();
    if (groups.names().isEmpty()) {
      node.error("pattern", "has no named groups, such as (?<name>...)");
    } else if (groups.names().contains(null)) {
      node.error("pattern", "has an unnamed group: name every group, such as (?<name>...)");
    } else if (groups.names().size() != count) {
      node.error("pattern", "its groups could not be read; name every group, (?<name>...)");
    }
  }
}
