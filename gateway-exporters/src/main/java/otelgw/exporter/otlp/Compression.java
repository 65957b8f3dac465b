package otelgw.exporter.otlp;

import java.util.Locale;
import java.util.Set;
import otelgw.config.ConfigNode;

/** How an OTLP exporter compresses request bodies: the {@code compression} key. */
public enum Compression {
  /** Sent as is: {@code compression: none} (or empty, as the Collector allows). */
  NONE,
  /** gzip, the Collector's default for both OTLP exporters. */
  GZIP;

  /** Names the Collector knows that otelgw does not implement; they fail with a clear error. */
  private static final Set<String> NOT_YET = Set.of("zstd", "snappy", "deflate", "zlib", "lz4");

  /** Reads {@code key}, reporting a name it does not know to {@code node}. */
  static Compression parse(ConfigNode node, String key, Compression defaultValue) {
    String name = node.string(key, defaultValue.name()).trim().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "gzip" -> GZIP;
      case "none", "" -> NONE;
      default -> {
        node.error(
            key,
            NOT_YET.contains(name)
                ? "'" + name + "' compression is not supported yet: use gzip or none"
                : "expected gzip or none, got '" + name + "'");
        yield defaultValue;
      }
    };
  }
}
