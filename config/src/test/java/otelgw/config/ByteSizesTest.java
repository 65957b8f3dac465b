package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "0, 0",
    "1048576, 1048576",
    "100B, 100",
    "1KB, 1000",
    "512KiB, 524288",
    "20MiB, 20971520",
    "20 MiB, 20971520",
    "2MB, 2000000",
    "1GB, 1000000000",
    "1GiB, 1073741824",
    "4mib, 4194304",
  })
  void parses(String text, long bytes) {
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "lots", "-1", "1.5MiB", "20 TiB", "MiB", "20MiB extra"})
  void rejects(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'"
                + text
                + "' is not a size: use a number of bytes, or a unit such as 512KiB or 20MiB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999GiB", "99999999999999999999"})
  void rejectsWhatDoesNotFitInALong(String text) {
    assertThatThrownBy(() -> ByteSizes.parse(text)).isInstanceOf(RuntimeException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "20971520, 20MiB",
    "4096, 4KiB",
    "1073741824, 1GiB",
    "1000, 1000",
    "0, 0",
    "1536, 1536"
  })
  void formatsInTheLargestBinaryUnitThatDividesAndParsesBack(long bytes, String text) {
    assertThat(ByteSizes.format(bytes)).isEqualTo(text);
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }
}
