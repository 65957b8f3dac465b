package otelgw.receiver.otlp;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import otelgw.core.net.PemFiles;

/**
 * A server's certificate and key from PEM files, read again by {@link #reloadIfChanged()} when
 * either file changes, so that new connections get a rotated certificate without a restart;
 * connections already open keep theirs. A pair that does not match (a rotation half written) is not
 * taken: the one in use stays until both files agree.
 *
 * <p>Each reading is a generation whose alias carries its number, so a handshake that chose an
 * alias just before a swap still gets that generation's chain and key. Thread-safe.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

  private static final String ALIAS_PREFIX = "otelgw-";
  private static final char[] NO_PASSWORD = new char[0];

  private final Path certFile;
  private final Path keyFile;
  private volatile Generation current;
  private volatile Generation previous;

  /**
   * Reads the files.
   *
   * @throws IOException naming the file that cannot be used
   */
  ReloadingKeyManager(Path certFile, Path keyFile) throws IOException {
    this.certFile = certFile;
    this.keyFile = keyFile;
    this.current = load(1);
    this.previous = current;
  }

  /**
   * Reads the files again if either changed since the last successful reading.
   *
   * @return the new certificate, or null if neither file changed
   * @throws IOException if they changed but cannot be used; the current pair stays in use
   */
  synchronized X509Certificate reloadIfChanged() throws IOException {
    Generation now = current;
    if (stamp(certFile).equals(now.certStamp) && stamp(keyFile).equals(now.keyStamp)) {
      return null;
    }
    Generation next = load(now.number + 1);
    previous = now;
    current = next;
    return next.leaf;
  }

  /** The certificate new connections are served. */
  X509Certificate certificate() {
    return current.leaf;
  }

  private Generation load(int number) throws IOException {
    // Stamps first: a file written after them is read again on the next check.
    String certStamp = stamp(certFile);
    String keyStamp = stamp(keyFile);
    List<X509Certificate> chain = PemFiles.certificates(certFile);
    PrivateKey key = PemFiles.privateKey(keyFile);
    checkPair(chain.get(0), key);
    String alias = ALIAS_PREFIX + number;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
      // SunX509 keeps the aliases as given, which the generation lookup relies on.
      KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
      factory.init(store, NO_PASSWORD);
      X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];
      return new Generation(number, keys, chain.get(0), certStamp, keyStamp);
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot use " + certFile + " with " + keyFile + ": " + e.getMessage(), e);
    }
  }

  /** Signs and verifies a few bytes: the key must be the certificate's. */
  private void checkPair(X509Certificate cert, PrivateKey key) throws IOException {
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 name their own signature
        };
    byte[] probe = {'o', 't', 'e', 'l', 'g', 'w'};
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // A key of another algorithm than the certificate's: not its pair either.
    }
    throw new IOException(keyFile + " is not the private key of the certificate in " + certFile);
  }

  // Modification time and size: what changes when a file is rewritten or a secret is re-mounted.
  private static String stamp(Path file) throws IOException {
    FileTime modified = Files.getLastModifiedTime(file);
    return modified.toMillis() + "/" + Files.size(file);
  }

  private Generation generation(String alias) {
    Generation now = current;
    if (alias == null || alias.equals(now.alias())) {
      return now;
    }
    Generation before = previous;
    return alias.equals(before.alias()) ? before : now;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    X509KeyManager keys = current.keys;
    return keys instanceof X509ExtendedKeyManager extended
        ? extended.chooseEngineServerAlias(keyType, issuers, engine)
        : keys.chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return current.keys.chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return current.keys.getServerAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return generation(alias).keys.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return generation(alias).keys.getPrivateKey(alias);
  }

  // A server's key manager: it never acts as a client.
  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null;
  }

  @Override
  public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
    return null;
  }

  private record Generation(
      int number, X509KeyManager keys, X509Certificate leaf, String certStamp, String keyStamp) {
    String alias() {
      return ALIAS_PREFIX + number;
    }
  }
}
