package otelgw.testing;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made for a test, so that none is committed: certificate authorities and the
 * certificates they sign, made by the JDK's own {@code keytool} (EC P-256, valid two days) and
 * written as the PEM files a {@code tls} block names. Each call runs keytool a few times (about a
 * second); make what a test class needs once.
 *
 * <pre>{@code
 * Authority ca = TestCertificates.authority(dir, "test-ca");
 * Issued server = ca.issue("server", "dns:localhost", "ip:127.0.0.1");
 * }</pre>
 */
public final class TestCertificates {

  private static final String PASSWORD = "changeit";
  private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

  private TestCertificates() {}

  /** A new certificate authority named {@code name}, its files in {@code dir}. */
  public static Authority authority(Path dir, String name) throws IOException {
    Path store = dir.resolve(name + ".p12");
    keytool(
        null,
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD);
    byte[] pem;
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      pem = pem("CERTIFICATE", keys.getCertificate(name).getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the certificate keytool made in " + store, e);
    }
    Path certFile = Files.write(dir.resolve(name + ".pem"), pem);
    return new Authority(name, dir, store, certFile, pem);
  }

  /**
   * A certificate authority.
   *
   * @param certFile its certificate, PEM: what a client's {@code ca_file} or a server's {@code
   *     client_ca_file} names to trust it
   * @param certPem the same, as bytes
   */
  public record Authority(String name, Path dir, Path store, Path certFile, byte[] certPem) {

    /**
     * A certificate for {@code name} signed by this authority, usable by servers and clients, with
     * the given subject alternative names ({@code dns:localhost}, {@code ip:127.0.0.1}).
     */
    public Issued issue(String name, String... subjectAltNames) throws IOException {
      Path keyStore = dir.resolve(name + ".p12");
      Files.deleteIfExists(keyStore);
      keytool(
          null,
          "-genkeypair",
          "-alias",
          name,
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=" + name,
          "-validity",
          "2",
          "-storetype",
          "PKCS12",
          "-keystore",
          keyStore.toString(),
          "-storepass",
          PASSWORD);
      byte[] request =
          keytool(
              null,
              "-certreq",
              "-alias",
              name,
              "-keystore",
              keyStore.toString(),
              "-storepass",
              PASSWORD);
      List<String> sign =
          new ArrayList<>(
              List.of(
                  "-gencert",
                  "-rfc",
                  "-alias",
                  this.name,
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  PASSWORD,
                  "-validity",
                  "2",
                  "-ext",
                  "KU=digitalSignature,keyEncipherment",
                  "-ext",
                  "EKU=serverAuth,clientAuth"));
      if (subjectAltNames.length > 0) {
        sign.add("-ext");
        sign.add("SAN=" + String.join(",", subjectAltNames));
      }
      byte[] certPem = keytool(request, sign.toArray(String[]::new));
      PrivateKey key = privateKey(keyStore, name);
      Path certFile = Files.write(dir.resolve(name + ".pem"), certPem);
      Path keyFile =
          Files.write(dir.resolve(name + "-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
      return new Issued(certFile, keyFile, certPem, certificate(certPem), key);
    }
  }

  /**
   * A certificate an authority signed, and its key.
   *
   * @param certFile the certificate, PEM: a {@code tls} block's {@code cert_file}
   * @param keyFile its private key, unencrypted PKCS#8 PEM: the {@code key_file}
   * @param certPem the certificate file's bytes
   * @param certificate the certificate
   * @param key the private key
   */
  public record Issued(
      Path certFile, Path keyFile, byte[] certPem, X509Certificate certificate, PrivateKey key) {

    /**
     * The private key in the older SEC1 form ({@code BEGIN EC PRIVATE KEY}), written to {@code
     * file}.
     */
    public Path writeSec1Key(Path file) throws IOException {
      return Files.write(file, pem("EC PRIVATE KEY", sec1(key.getEncoded())));
    }
  }

  private static byte[] keytool(byte[] input, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(KEYTOOL.toString());
    // keytool's work is tiny: a JVM that starts fast halves its time.
    command.add("-J-XX:TieredStopAtLevel=1");
    command.add("-J-XX:+UseSerialGC");
    command.addAll(Arrays.asList(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    try (OutputStream in = process.getOutputStream()) {
      if (input != null) {
        in.write(input);
      }
    }
    byte[] output;
    byte[] errors;
    try (InputStream out = process.getInputStream();
        InputStream err = process.getErrorStream()) {
      output = out.readAllBytes();
      errors = err.readAllBytes();
    }
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(
            "keytool "
                + args[0]
                + " failed: "
                + new String(output, US_ASCII)
                + new String(errors, US_ASCII));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for keytool", e);
    }
    return output;
  }

  private static PrivateKey privateKey(Path store, String alias) throws IOException {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      return (PrivateKey) keys.getKey(alias, PASSWORD.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key keytool made in " + store, e);
    }
  }

  private static X509Certificate certificate(byte[] pem) throws IOException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(pem));
    } catch (GeneralSecurityException e) {
      throw new IOException("keytool wrote no certificate", e);
    }
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(US_ASCII);
  }

  /**
   * The SEC1 {@code ECPrivateKey} inside a PKCS#8 EC key: the content of its last element, an OCTET
   * STRING, after the version and the algorithm.
   */
  private static byte[] sec1(byte[] pkcs8) {
    int[] at = {0};
    readHeader(pkcs8, at); // SEQUENCE: step inside
    skipElement(pkcs8, at); // version
    skipElement(pkcs8, at); // algorithm
    int length = readHeader(pkcs8, at); // OCTET STRING
    return Arrays.copyOfRange(pkcs8, at[0], at[0] + length);
  }

  private static int readHeader(byte[] der, int[] at) {
    at[0]++; // tag
    int first = der[at[0]++] & 0xFF;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7F); i++) {
      length = (length << 8) | (der[at[0]++] & 0xFF);
    }
    return length;
  }

  private static void skipElement(byte[] der, int[] at) {
    int length = readHeader(der, at);
    at[0] += length;
  }
}
