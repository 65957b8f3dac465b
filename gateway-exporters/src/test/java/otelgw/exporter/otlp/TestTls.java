package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.TlsClientSettings;
import otelgw.testing.TestCertificates;
import otelgw.testing.TestCertificates.Authority;
import otelgw.testing.TestCertificates.Issued;

/**
 * The TLS tests' certificates, made once per test run in a temporary directory: {@code CA} signed
 * the server's (names localhost and backend.internal, no IP address) and the client's; {@code
 * OTHER_CA} signed nothing used here, so trusting it must fail. {@code CLIENT_KEY_SEC1} is the
 * client key in the SEC1 form ({@code BEGIN EC PRIVATE KEY}) the exporters reject with a hint.
 */
final class TestTls {

  private static final Path DIR = directory();
  private static final Authority AUTHORITY = authority("ca");
  private static final Issued SERVER = issue("server", "dns:localhost", "dns:backend.internal");
  private static final Issued CLIENT = issue("client", "dns:client");

  static final String CA = AUTHORITY.certFile().toString();
  static final String OTHER_CA = authority("other-ca").certFile().toString();
  static final String SERVER_CERT = SERVER.certFile().toString();
  static final String SERVER_KEY = SERVER.keyFile().toString();
  static final String CLIENT_CERT = CLIENT.certFile().toString();
  static final String CLIENT_KEY = CLIENT.keyFile().toString();
  static final String CLIENT_KEY_SEC1 = sec1(CLIENT);

  /** What a server needs: its certificate and key, and the CA its clients' certificates have. */
  static final String SERVER_YAML =
      "{ cert_file: '" + SERVER_CERT + "', key_file: '" + SERVER_KEY + "', ca_file: '" + CA + "' }";

  /** The client certificate and key, as {@code tls} keys. */
  static final String CLIENT_KEYS =
      "cert_file: '" + CLIENT_CERT + "', key_file: '" + CLIENT_KEY + "'";

  private TestTls() {}

  static TlsClientSettings settings(String yaml) {
    ConfigProblems problems = new ConfigProblems();
    TlsClientSettings settings = TlsClientSettings.parse(ConfigNode.parse(yaml, "tls", problems));
    assertThat(problems.all()).isEmpty();
    return settings;
  }

  private static Path directory() {
    try {
      Path dir = Files.createTempDirectory("otelgw-exporter-tls");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Authority authority(String name) {
    try {
      return TestCertificates.authority(DIR, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Issued issue(String name, String... names) {
    try {
      return AUTHORITY.issue(name, names);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sec1(Issued issued) {
    try {
      return issued.writeSec1Key(DIR.resolve("client-key-sec1.pem")).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: the system cleans it up eventually.
    }
  }
}
