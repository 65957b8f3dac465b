package otelgw.receiver.otlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import otelgw.testing.TestCertificates;
import otelgw.testing.TestCertificates.Authority;
import otelgw.testing.TestCertificates.Issued;

/**
 * The certificates of the receiver's TLS tests, made once per test run: {@link #CA} signed two
 * server certificates for 127.0.0.1 and localhost (the second to rotate to) and a client's; {@link
 * #OTHER_CA} signed a client certificate the server must not trust.
 */
final class TestTlsFiles {

  static final Path DIR = directory();
  static final Authority CA = authority("ca");
  static final Authority OTHER_CA = authority("other-ca");
  static final Issued SERVER;
  static final Issued ROTATED_SERVER;
  static final Issued CLIENT;
  static final Issued ROGUE_CLIENT;

  static {
    // keytool runs as a process: four at once take the time of two.
    ExecutorService keytools = Executors.newFixedThreadPool(4);
    try {
      CompletableFuture<Issued> server =
          issue(keytools, CA, "server", "ip:127.0.0.1", "dns:localhost");
      CompletableFuture<Issued> rotated =
          issue(keytools, CA, "server-rotated", "ip:127.0.0.1", "dns:localhost");
      CompletableFuture<Issued> client = issue(keytools, CA, "client", "dns:client");
      CompletableFuture<Issued> rogue = issue(keytools, OTHER_CA, "rogue-client", "dns:client");
      SERVER = server.join();
      ROTATED_SERVER = rotated.join();
      CLIENT = client.join();
      ROGUE_CLIENT = rogue.join();
    } finally {
      keytools.shutdown();
    }
  }

  private TestTlsFiles() {}

  /** A {@code tls} block in flow style serving {@code server}, with extra keys (may be empty). */
  static String tls(Path certFile, Path keyFile, String extra) {
    return "{ cert_file: \""
        + certFile
        + "\", key_file: \""
        + keyFile
        + "\""
        + (extra.isEmpty() ? "" : ", " + extra)
        + " }";
  }

  private static CompletableFuture<Issued> issue(
      ExecutorService executor, Authority authority, String name, String... names) {
    return Keytool.issue(executor, authority, name, names);
  }

  /**
   * Runs keytool off the initializing thread. A lambda of {@code TestTlsFiles} itself would wait
   * for that class's initialization, which waits for the lambda.
   */
  private static final class Keytool {
    static CompletableFuture<Issued> issue(
        ExecutorService executor, Authority authority, String name, String... names) {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              return authority.issue(name, names);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          },
          executor);
    }
  }

  private static Authority authority(String name) {
    try {
      return TestCertificates.authority(DIR, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    try {
      Path dir = Files.createTempDirectory("otelgw-receiver-tls");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (Stream<Path> files = Files.walk(dir)) {
                      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    } catch (IOException e) {
                      // A temporary directory: the system cleans it up eventually.
                    }
                  }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
