package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

  private final ConfigProblems problems = new ConfigProblems();

  private ConfigNode parse(String yaml) {
    return ConfigNode.parse(yaml, "exporters.otlp", problems);
  }

  private List<String> reported() {
    return problems.all().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void typedGettersReadValuesAndFallBackToDefaults() {
    ConfigNode node =
        parse(
            """
            name: backend
            port: 4317
            big: 10000000000
            ratio: 0.25
            enabled: true
            timeout: 1m30s
            max_size: 20MiB
            sizer: items
            list: [a, b]
            headers: {x-one: "1", x-two: two}
            nothing:
            """);

    assertThat(node.string("name", "x")).isEqualTo("backend");
    assertThat(node.integer("port", 0)).isEqualTo(4317);
    assertThat(node.longValue("big", 0)).isEqualTo(10_000_000_000L);
    assertThat(node.decimal("ratio", 0)).isEqualTo(0.25);
    assertThat(node.bool("enabled", false)).isTrue();
    assertThat(node.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
    assertThat(node.bytes("max_size", 0)).isEqualTo(20L << 20);
    assertThat(node.enumValue("sizer", QueueSettings.Sizer.REQUESTS))
        .isEqualTo(QueueSettings.Sizer.ITEMS);
    assertThat(node.strings("list")).containsExactly("a", "b");
    assertThat(node.stringMap("headers"))
        .containsExactly(Map.entry("x-one", "1"), Map.entry("x-two", "two"));
    assertThat(node.string("nothing", "default")).isEqualTo("default");
    assertThat(node.integer("absent", 7)).isEqualTo(7);
    assertThat(node.optionalString("absent")).isEmpty();
    assertThat(node.strings("absent")).isEmpty();
    assertThat(node.stringMap("absent")).isEmpty();
    node.finish();
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void everyWrongTypeIsReportedWithPathAndLineAndTheDefaultReturned() {
    ConfigNode node =
        parse(
            """
            port: 43x7
            name: [a, b]
            insecure: maybe
            timeout: 5
            max_size: lots
            sizer: pages
            list: just-one
            tls: true
            ratio: half
            """);

    assertThat(node.integer("port", 1)).isEqualTo(1);
    assertThat(node.string("name", "dflt")).isEqualTo("dflt");
    assertThat(node.bool("insecure", true)).isTrue();
    assertThat(node.duration("timeout", Duration.ofSeconds(3))).hasSeconds(3);
    assertThat(node.bytes("max_size", 9)).isEqualTo(9);
    assertThat(node.enumValue("sizer", QueueSettings.Sizer.BYTES))
        .isEqualTo(QueueSettings.Sizer.BYTES);
    assertThat(node.strings("list")).isEmpty();
    assertThat(node.section("tls")).isEmpty();
    assertThat(node.decimal("ratio", 0.5)).isEqualTo(0.5);

    assertThat(reported())
        .containsExactly(
            "exporters.otlp.port (line 1): expected a whole number, got '43x7'",
            "exporters.otlp.name (line 2): expected a string",
            "exporters.otlp.insecure (line 3): expected true or false, got 'maybe'",
            "exporters.otlp.timeout (line 4): '5' is not a duration: use a number and a unit,"
                + " such as 200ms, 5s or 1m30s",
            "exporters.otlp.max_size (line 5): 'lots' is not a size: use a number of bytes, or a"
                + " unit such as 512KiB or 20MiB",
            "exporters.otlp.sizer (line 6): expected one of requests, items, bytes, got 'pages'",
            "exporters.otlp.list (line 7): expected a list of strings",
            "exporters.otlp.tls (line 8): expected a mapping of keys to values",
            "exporters.otlp.ratio (line 9): expected a number, got 'half'");
  }

  @Test
  void aNumberTooLargeForAnIntIsAnError() {
    ConfigNode node = parse("queue_size: 99999999999\n");

    assertThat(node.integer("queue_size", 5)).isEqualTo(5);
    assertThat(reported())
        .containsExactly(
            "exporters.otlp.queue_size (line 1): expected a whole number, got '99999999999'");
  }

  @Test
  void aNullValueIsAPresentEmptySection() {
    ConfigNode node = parse("debug:\n");

    assertThat(node.section("debug"))
        .hasValueSatisfying(
            debug -> {
              assertThat(debug.keys()).isEmpty();
              assertThat(debug.path()).isEqualTo("exporters.otlp.debug");
            });
    assertThat(node.section("absent")).isEmpty();
    assertThat(node.sectionOrEmpty("absent").path()).isEqualTo("exporters.otlp.absent");
  }

  @Test
  void nestedSectionsCarryTheirPath() {
    ConfigNode node = parse("retry_on_failure:\n  multiplier: x\n");

    ConfigNode retry = node.sectionOrEmpty("retry_on_failure");
    retry.decimal("multiplier", 1.5);

    assertThat(retry.path()).isEqualTo("exporters.otlp.retry_on_failure");
    assertThat(retry.pathOf("multiplier")).isEqualTo("exporters.otlp.retry_on_failure.multiplier");
    assertThat(reported())
        .containsExactly(
            "exporters.otlp.retry_on_failure.multiplier (line 2): expected a number, got 'x'");
  }

  @Test
  void finishReportsUnknownKeysWithADidYouMean() {
    ConfigNode node = parse("endpoint: a:1\ntimout: 5s\ncompletely_different: 1\n");

    node.string("endpoint", "");
    node.duration("timeout", Duration.ofSeconds(5));
    node.finish(Set.of("endpoint", "timeout", "headers"));

    assertThat(reported())
        .containsExactly(
            "exporters.otlp.timout (line 2): unknown key 'timout' (did you mean 'timeout'?)",
            "exporters.otlp.completely_different (line 3): unknown key 'completely_different'");
  }

  @Test
  void finishWithoutKnownKeysSuggestsAmongTheKeysRead() {
    ConfigNode node = parse("verbosity: basic\nverbosty: detailed\n");

    node.string("verbosity", "");
    node.finish();

    assertThat(reported())
        .containsExactly(
            "exporters.otlp.verbosty (line 2): unknown key 'verbosty' (did you mean 'verbosity'?)");
  }

  @Test
  void keysAndHasDoNotMarkKeysRead() {
    ConfigNode node = parse("a: 1\n");

    assertThat(node.keys()).containsExactly("a");
    assertThat(node.has("a")).isTrue();
    node.finish(Set.of("a"));

    assertThat(reported()).containsExactly("exporters.otlp.a (line 1): unknown key 'a'");
  }

  @Test
  void rangeChecksAndWarningsCarryThePathAndLine() {
    ConfigNode node = parse("num_consumers: 0\nold_key: 1\n");

    int consumers = node.integer("num_consumers", 10);
    node.check(consumers > 0, "num_consumers", "must be at least 1");
    node.check(true, "num_consumers", "never reported");
    node.warning("old_key", "is deprecated");
    node.error("missing", "is required");

    assertThat(reported())
        .containsExactly(
            "exporters.otlp.num_consumers (line 1): must be at least 1",
            "warning: exporters.otlp.old_key (line 2): is deprecated",
            "exporters.otlp.missing (line 1): is required");
    assertThat(problems.hasErrors()).isTrue();
    assertThat(problems.warnings()).hasSize(1);
  }

  @Test
  void throwIfErrorsListsEveryProblem() {
    problems.warning("a", 0, "doubtful");
    assertThatCode(problems::throwIfErrors).doesNotThrowAnyException();

    problems.error("b", 3, "wrong");
    problems.error("c", 0, "also wrong");

    assertThatThrownBy(problems::throwIfErrors)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid configuration:\n  warning: a: doubtful\n  b (line 3): wrong\n  c: also wrong");
  }

  @Test
  void anEmptyNodeReturnsEveryDefault() {
    ConfigNode node = ConfigNode.empty("processors.batch", problems);

    assertThat(node.integer("send_batch_size", 8192)).isEqualTo(8192);
    assertThat(node.line()).isZero();
    node.finish(Set.of("send_batch_size"));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void aListOfMappingsGivesEachItemItsIndexedPath() {
    ConfigNode node = parse("actions:\n  - {key: a}\n  - plain\n  -\n");

    List<ConfigNode> actions = node.sectionList("actions");

    assertThat(actions)
        .extracting(ConfigNode::path)
        .containsExactly("exporters.otlp.actions[0]", "exporters.otlp.actions[2]");
    assertThat(actions.get(0).string("key", "")).isEqualTo("a");
    assertThat(reported())
        .containsExactly(
            "exporters.otlp.actions[1] (line 3): expected a mapping of keys to values");
    assertThat(parse("actions: x\n").sectionList("actions")).isEmpty();
    assertThat(node.sectionList("absent")).isEmpty();
  }
}
