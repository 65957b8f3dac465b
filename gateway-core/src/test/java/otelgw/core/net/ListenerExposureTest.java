package otelgw.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenerExposureTest {

  @Test
  void loopbackIsNeverAWarning() {
    assertThat(
            ListenerExposure.warning(
                "x", "127.0.0.1", new InetSocketAddress("127.0.0.1", 4317), false, false))
        .isEmpty();
    assertThat(
            ListenerExposure.warning("x", "::1", new InetSocketAddress("::1", 4317), false, false))
        .isEmpty();
  }

  @Test
  void anyOtherAddressWarnsOfWhatIsMissing() {
    InetSocketAddress all = new InetSocketAddress("0.0.0.0", 4318);

    assertThat(ListenerExposure.warning("otlp receiver, OTLP/HTTP", "0.0.0.0", all, false, false))
        .contains(
            "otlp receiver, OTLP/HTTP listens on 0.0.0.0:4318, reachable from other machines,"
                + " without TLS or authentication; bind it to 127.0.0.1 unless that is intended");
    assertThat(ListenerExposure.warning("l", "", all, true, false).get())
        .isEqualTo(
            "l listens on *:4318, reachable from other machines, without authentication; bind it"
                + " to 127.0.0.1 unless that is intended");
    assertThat(ListenerExposure.warning("l", "", all, false, true).get()).contains("without TLS;");
    assertThat(ListenerExposure.warning("l", "", all, true, true)).isEmpty();
  }
}
