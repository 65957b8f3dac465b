package otelgw.core.extension.bearertokenauth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * A token kept in a file, as a mounted secret is: read once, then again whenever the file's
 * modification time or size changes. Messages name the file, never its content. Not thread-safe:
 * one watcher thread reads it.
 */
final class TokenFile {

  private final Path path;
  private FileTime modified;
  private long size = -1;

  TokenFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /**
   * Reads the token.
   *
   * @throws IOException naming the file, if it cannot be read or holds no valid token
   */
  String read() throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    String token = Files.readString(path, StandardCharsets.UTF_8).trim();
    if (!Tokens.isValid(token)) {
      throw new IOException(
          path + " holds no valid token: expected printable ASCII without spaces");
    }
    modified = attributes.lastModifiedTime();
    size = attributes.size();
    return token;
  }

  /**
   * The token, if the file changed since it was last read.
   *
   * @throws IOException naming the file, if it changed but cannot be read or holds no valid token
   */
  Optional<String> readIfChanged() throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.lastModifiedTime().equals(modified) && attributes.size() == size) {
      return Optional.empty();
    }
    return Optional.of(read());
  }
}
