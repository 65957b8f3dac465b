package otelgw.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Request bodies captured from the JavaScript and Java SDKs, in {@code shared/testdata/otlp}. */
final class SdkCaptures {

  private SdkCaptures() {}

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(directory().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/otlp");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/testdata/otlp not found above " + Path.of("").toAbsolutePath());
  }
}
