package otelgw.core.processor.attributes;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;

class AttributesConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  private AttributesConfig parse(String yaml) {
    return new AttributesFactory()
        .parseConfig(ConfigNode.parse(yaml, "processors.attributes", problems));
  }

  private List<String> errors() {
    return problems.all().stream().map(Object::toString).toList();
  }

  @Test
  void readsActionsInOrder() {
    AttributesConfig config =
        parse(
            """
            actions:
              - {key: a, value: 1, action: INSERT}
              - {key: b, from_attribute: a, action: upsert}
              - {pattern: '^x', action: delete}
              - {key: c, action: convert, converted_type: double}
            """);

    assertThat(errors()).isEmpty();
    assertThat(config.actions())
        .containsExactly(
            new ActionConfig(
                ActionType.INSERT,
                "a",
                "",
                Optional.of(AnyValue.newBuilder().setIntValue(1).build()),
                "",
                Optional.empty()),
            new ActionConfig(ActionType.UPSERT, "b", "", Optional.empty(), "a", Optional.empty()),
            new ActionConfig(ActionType.DELETE, "", "^x", Optional.empty(), "", Optional.empty()),
            new ActionConfig(
                ActionType.CONVERT,
                "c",
                "",
                Optional.empty(),
                "",
                Optional.of(ConvertedType.DOUBLE)));
  }

  @Test
  void reportsEachActionsErrorsWithItsPath() {
    parse(
        """
        actions:
          - {key: a, value: 1, action: insert}
          - {key: a, action: rename}
          - {value: 1, action: insert}
          - {key: a, action: upsert}
          - {key: a, value: 1, from_attribute: b, action: update}
          - {key: a, pattern: '^.*$', action: extract}
          - {key: a, pattern: '(?<x>a)(b)', action: extract}
          - {pattern: '[', action: delete}
          - {key: a, action: convert}
          - {key: a, action: convert, converted_type: bool}
          - {key: a, from_context: metadata.x, action: insert}
          - {key: a, value: 1, action: insert, valuee: 2}
          - not a mapping
        """);

    assertThat(errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.attributes.actions[1].action", "unknown action 'rename'"))
        .anySatisfy(e -> assertThat(e).contains("processors.attributes.actions[2].key", "required"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.attributes.actions[3].value",
                        "needs 'value' or 'from_attribute'"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.attributes.actions[4].from_attribute", "not both"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.attributes.actions[5].pattern", "no named groups"))
        .anySatisfy(
            e ->
                assertThat(e).contains("processors.attributes.actions[6].pattern", "unnamed group"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.attributes.actions[7].pattern",
                        "not a valid regular expression"))
        .anySatisfy(
            e -> assertThat(e).contains("processors.attributes.actions[8].converted_type", "needs"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.attributes.actions[9].converted_type", "unknown type 'bool'"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.attributes.actions[10].from_context", "not supported"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.attributes.actions[11].valuee", "did you mean 'value'"))
        .anySatisfy(
            e -> assertThat(e).contains("processors.attributes.actions[12]", "expected a mapping"));
    assertThat(errors()).noneMatch(e -> e.contains("actions[0]"));
  }

  @Test
  void actionsAreRequired() {
    parse("{}");

    assertThat(errors())
        .singleElement()
        .asString()
        .contains("processors.attributes.actions", "required");
  }

  @Test
  void scalarsAreTypedByTheirText() {
    assertThat(ScalarValues.of("42").getIntValue()).isEqualTo(42);
    assertThat(ScalarValues.of("-1.5e3").getDoubleValue()).isEqualTo(-1500.0);
    assertThat(ScalarValues.of("true").getBoolValue()).isTrue();
    assertThat(ScalarValues.of("NaN").getStringValue()).isEqualTo("NaN");
    assertThat(ScalarValues.of("99999999999999999999").getDoubleValue()).isEqualTo(1e20);
    assertThat(ScalarValues.of("v1.2").getStringValue()).isEqualTo("v1.2");
  }

  @Test
  void namedGroupsAreReadFromThePatternAndMadePlain() {
    NamedGroups go = NamedGroups.of("(?P<user_id>x)(?:y)(?<b>[(]z)\\(");
    assertThat(go.names()).containsExactly("user_id", "b");
    assertThat(go.regex()).isEqualTo("(x)(?:y)([(]z)\\(");
    NamedGroups mixed = NamedGroups.of("(?<a>x)(y)(?<=q)(?!r)\\Q(?<c>\\E");
    assertThat(mixed.names()).containsExactly("a", null);
    assertThat(mixed.regex()).isEqualTo("(x)(y)(?<=q)(?!r)\\Q(?<c>\\E");
  }
}
