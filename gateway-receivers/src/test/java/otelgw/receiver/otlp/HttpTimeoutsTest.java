package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTimeoutsTest {

  private final HttpTimeouts timeouts =
      new HttpTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(30));
  private final EmbeddedChannel channel = new EmbeddedChannel(timeouts);

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  @Test
  void closesAConnectionIdleBetweenRequests() {
    advance(59);
    assertThat(channel.isOpen()).isTrue();

    advance(2);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void closesAConnectionWhoseRequestTricklesIn() {
    // A slowloris client: a byte now and then, never a whole request.
    for (int i = 0; i < 3; i++) {
      receive("P");
      advance(9);
      assertThat(channel.isOpen()).isTrue();
    }

    receive("O");
    advance(4);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void doesNotTimeTheAnswerAndWaitsForTheNextRequest() {
    receive("POST / HTTP/1.1\r\n");
    timeouts.requestReceived();
    advance(120);
    assertThat(channel.isOpen()).isTrue();

    timeouts.waitForRequest();
    advance(30);
    receive("POST");
    advance(29);
    assertThat(channel.isOpen()).isTrue();
    advance(2);
    assertThat(channel.isOpen()).isFalse();
  }

  private void receive(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text, ISO_8859_1));
  }

  private void advance(long seconds) {
    channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
  }
}
