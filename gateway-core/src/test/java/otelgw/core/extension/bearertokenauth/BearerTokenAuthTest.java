package otelgw.core.extension.bearertokenauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import otelgw.config.ComponentId;

class BearerTokenAuthTest {

  private static final ComponentId ID = ComponentId.parse("bearertokenauth");
  private static final String TOKEN = "c0rrect-H0rse-Battery-Staple";

  @TempDir Path dir;
  private BearerTokenAuth auth;

  @AfterEach
  void tearDown() {
    if (auth != null) {
      auth.shutdown(Duration.ZERO);
    }
  }

  @Test
  void acceptsOnlyTheRightTokenUnderTheScheme() {
    auth = inline(TOKEN, "Bearer");

    assertThat(auth.authenticate("Bearer " + TOKEN)).isTrue();
    assertThat(auth.authenticate("bearer " + TOKEN)).as("the scheme is case-insensitive").isTrue();
    assertThat(auth.authenticate(null)).as("missing").isFalse();
    assertThat(auth.authenticate("")).as("empty").isFalse();
    assertThat(auth.authenticate("Bearer")).as("no token").isFalse();
    assertThat(auth.authenticate(TOKEN)).as("no scheme").isFalse();
    assertThat(auth.authenticate("Basic " + TOKEN)).as("another scheme").isFalse();
    assertThat(auth.authenticate("Bearer " + TOKEN.replace('H', 'h'))).as("wrong").isFalse();
    assertThat(auth.authenticate("Bearer " + TOKEN + "x")).as("longer").isFalse();
    assertThat(auth.authenticate("Bearer " + TOKEN.substring(1))).as("shorter").isFalse();
  }

  @Test
  void withoutASchemeTheHeaderIsTheBareToken() {
    auth = inline(TOKEN, "");

    assertThat(auth.authenticate(TOKEN)).isTrue();
    assertThat(auth.authenticate("Bearer " + TOKEN)).isFalse();
    assertThat(auth.headers()).isEqualTo(Map.of("authorization", TOKEN));
    assertThat(auth.challenge()).isEmpty();
  }

  @Test
  void givesClientsTheHeaderToSend() {
    auth = inline(TOKEN, "Bearer");

    assertThat(auth.header()).isEqualTo("authorization");
    assertThat(auth.challenge()).isEqualTo("Bearer");
    assertThat(auth.headers()).isEqualTo(Map.of("authorization", "Bearer " + TOKEN));
    assertThat(auth.toString()).doesNotContain(TOKEN);
  }

  @Test
  void readsTheTokenFileAtStartAndAgainWhenItChanges() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    auth = fromFile(file);
    assertThat(auth.authenticate("Bearer " + TOKEN)).as("nothing before start").isFalse();

    auth.start();
    assertThat(auth.authenticate("Bearer " + TOKEN)).isTrue();

    rewrite(file, "n3w-t0ken");
    await().atMost(Duration.ofSeconds(5)).until(() -> auth.authenticate("Bearer n3w-t0ken"));
    assertThat(auth.authenticate("Bearer " + TOKEN)).isFalse();
    assertThat(auth.headers()).isEqualTo(Map.of("authorization", "Bearer n3w-t0ken"));
  }

  @Test
  void keepsThePreviousTokenWhenTheChangedFileIsUnusable() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), TOKEN);
    auth = fromFile(file);
    auth.start();

    rewrite(file, "   ");
    // Checked every 20 ms: for ten checks and more, the old token goes on working.
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> auth.authenticate("Bearer " + TOKEN));
    Files.delete(file);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> auth.authenticate("Bearer " + TOKEN));
  }

  @Test
  void startFailsOnAMissingOrEmptyFileNamingItButNotItsContent() throws Exception {
    auth = fromFile(dir.resolve("absent"));
    assertThatThrownBy(auth::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bearertokenauth extension: cannot read the token file")
        .hasMessageContaining("absent");

    Path spaced = Files.writeString(dir.resolve("spaced"), "two words");
    auth = fromFile(spaced);
    assertThatThrownBy(auth::start)
        .hasMessageContaining("holds no valid token")
        .hasMessageNotContaining("two words");
  }

  @Test
  void shutdownIsIdempotentAndSafeWithoutStart() {
    auth = fromFile(dir.resolve("never-read"));
    auth.shutdown(Duration.ZERO);
    auth.shutdown(Duration.ZERO);
  }

  private static BearerTokenAuth inline(String token, String scheme) {
    return new BearerTokenAuth(
        ID,
        new BearerTokenAuthConfig(Optional.of(token), Optional.empty(), scheme, "authorization"),
        Duration.ofSeconds(5));
  }

  private static BearerTokenAuth fromFile(Path file) {
    return new BearerTokenAuth(
        ID,
        new BearerTokenAuthConfig(Optional.empty(), Optional.of(file), "Bearer", "authorization"),
        Duration.ofMillis(20));
  }

  // Moves the modification time on too, in case the file system's clock is coarse.
  private static void rewrite(Path file, String content) throws IOException {
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, content);
    Files.setLastModifiedTime(
        file,
        FileTime.from(
            before.toInstant().plusSeconds(1).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(1)
                : Instant.now()));
  }
}
