package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.TlsClientSettings;

/** The test certificates under {@code src/test/resources/tls}; see the README there. */
final class TestTls {

  static final String CA = file("ca.pem");
  static final String OTHER_CA = file("other-ca.pem");
  static final String SERVER_CERT = file("server.pem");
  static final String SERVER_KEY = file("server-key.pem");
  static final String CLIENT_CERT = file("client.pem");
  static final String CLIENT_KEY = file("client-key.pem");
  static final String CLIENT_KEY_SEC1 = file("client-key-sec1.pem");

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

  private static String file(String name) {
    try {
      return Path.of(TestTls.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
