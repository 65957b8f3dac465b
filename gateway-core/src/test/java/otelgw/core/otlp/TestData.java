package otelgw.core.otlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The captured SDK payloads in {@code shared/testdata/otlp}, a sibling of the repository. */
public final class TestData {
  private static final Path DIR = find();

  private TestData() {}

  public static byte[] read(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Tests run in the module directory (main/gateway-core); shared/ sits next to main/. Walk up
  // rather than hard-code the depth, so the helper also works from the repository root.
  private static Path find() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/otlp");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no shared/testdata/otlp above " + start);
  }
}
