package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "127.0.0.1:4317, 127.0.0.1, 4317",
    "collector.internal:4318, collector.internal, 4318",
    ":8888, 0.0.0.0, 8888",
    "[::1]:4317, ::1, 4317",
    "localhost:0, localhost, 0",
    "host:65535, host, 65535",
  })
  void parses(String endpoint, String host, int port) {
    InetSocketAddress address = Endpoints.parse(endpoint);

    assertThat(address.isUnresolved()).isTrue();
    assertThat(address.getHostString()).isEqualTo(host);
    assertThat(address.getPort()).isEqualTo(port);
  }

  @Test
  void aMissingPortIsAnError() {
    assertThatThrownBy(() -> Endpoints.parse("localhost"))
        .hasMessage("'localhost' is not an endpoint: use host:port, such as 127.0.0.1:4317");
  }

  @ParameterizedTest
  @CsvSource({"host:", "host:http", "host:65536", "host:-1"})
  void aBadPortIsAnError(String endpoint) {
    assertThatThrownBy(() -> Endpoints.parse(endpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'" + endpoint + "' is not an endpoint: the port must be a number from 0 to 65535");
  }

  @Test
  void checkRecordsTheErrorOnTheKey() {
    ConfigProblems problems = new ConfigProblems();
    ConfigNode node = ConfigNode.parse("endpoint: nope\n", "receivers.otlp", problems);

    Endpoints.check(node, "endpoint", node.string("endpoint", ""));

    assertThat(problems.all())
        .extracting(Object::toString)
        .containsExactly(
            "receivers.otlp.endpoint (line 1): 'nope' is not an endpoint: use host:port, such as"
                + " 127.0.0.1:4317");
  }
}
