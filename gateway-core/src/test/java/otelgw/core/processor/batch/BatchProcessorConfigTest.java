package otelgw.core.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;

class BatchProcessorConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  private BatchProcessorConfig parse(String yaml) {
    return new BatchProcessorFactory()
        .parseConfig(ConfigNode.parse(yaml, "processors.batch", problems));
  }

  private List<String> errors() {
    return problems.all().stream().map(Object::toString).toList();
  }

  @Test
  void defaultsAreTheCollectorsPlusAByteCapUnderFourMebibytes() {
    BatchProcessorConfig config = parse("{}");

    assertThat(config)
        .isEqualTo(new BatchProcessorConfig(8192, 0, Duration.ofMillis(200), 3_670_016));
    assertThat(config.maxItems()).isEqualTo(Long.MAX_VALUE);
    assertThat(config.maxBytes()).isLessThan(4L << 20);
    assertThat(errors()).isEmpty();
  }

  @Test
  void readsEveryKey() {
    assertThat(
            parse(
                "send_batch_size: 100\nsend_batch_max_size: 200\ntimeout: 1s\n"
                    + "send_batch_max_bytes: 1MiB\n"))
        .isEqualTo(new BatchProcessorConfig(100, 200, Duration.ofSeconds(1), 1 << 20));
    assertThat(errors()).isEmpty();
  }

  @Test
  void reportsErrorsWithTheirPaths() {
    parse(
        "send_batch_size: 100\nsend_batch_max_size: 50\ntimeout: -1s\nsend_batch_max_bytes: x\n"
            + "metadata_keys: [a]\n");

    assertThat(errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.batch.send_batch_max_size", "at least 'send_batch_size'"))
        .anySatisfy(e -> assertThat(e).contains("processors.batch.timeout"))
        .anySatisfy(e -> assertThat(e).contains("processors.batch.send_batch_max_bytes"))
        .anySatisfy(e -> assertThat(e).contains("unknown key 'metadata_keys'"));
  }
}
