package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvExpansionTest {

  private static final Map<String, String> ENV = Map.of("A", "alpha", "B_2", "beta", "EMPTY", "");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "no references      | no references",
        "${env:A}           | alpha",
        "${A}               | alpha",
        "x-${env:B_2}-${A}  | x-beta-alpha",
        "${env:Z:-zed}      | zed",
        "${env:A:-zed}      | alpha",
        "${env:EMPTY:-zed}  | \"\"",
        "${env:Z:-}         | \"\"",
        "$$                 | $",
        "$${env:A}          | ${env:A}",
        "$$$${A}            | $${A}",
        "cost $5            | cost $5",
        "ends with $        | ends with $",
        "${unclosed         | ${unclosed",
        "${env:not-a-name}  | ${env:not-a-name}",
        "${file:/etc/x}     | ${file:/etc/x}",
      })
  void expands(String text, String expected) {
    List<String> missing = new ArrayList<>();

    assertThat(EnvExpansion.expand(text, ENV, missing::add)).isEqualTo(expected);
    assertThat(missing).isEmpty();
  }

  @Test
  void reportsEachMissingVariableAndExpandsItToNothing() {
    List<String> missing = new ArrayList<>();

    String expanded = EnvExpansion.expand("${env:X}/${Y}/${A}", ENV, missing::add);

    assertThat(expanded).isEqualTo("//alpha");
    assertThat(missing).containsExactly("X", "Y");
  }
}
