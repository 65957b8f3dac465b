package otelgw.receiver.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** The {@code Content-Encoding}s the HTTP receiver decodes. */
enum ContentCoding {
  IDENTITY,
  GZIP,
  /** HTTP's {@code deflate}: zlib-wrapped deflate, as the Collector reads it. */
  DEFLATE;

  static final String SUPPORTED = "gzip, deflate or identity";

  /**
   * Encodings OTLP senders use that otelgw does not decode (the Collector does): refused with 415
   * and named in the answer. Any other value is not repeated back.
   */
  private static final Set<String> KNOWN_UNSUPPORTED =
      Set.of("zstd", "snappy", "x-snappy-framed", "lz4", "br", "compress", "x-compress");

  /** The coding a {@code Content-Encoding} header names; identity if absent, null if unknown. */
  static ContentCoding ofHeader(String header) {
    if (header == null) {
      return IDENTITY;
    }
    return switch (header.trim().toLowerCase(Locale.ROOT)) {
      case "", "identity" -> IDENTITY;
      case "gzip", "x-gzip" -> GZIP;
      case "deflate" -> DEFLATE;
      default -> null;
    };
  }

  /** Why a {@code Content-Encoding} that {@link #ofHeader} does not know is refused. */
  static String unsupported(String header) {
    String name = header == null ? "" : header.trim().toLowerCase(Locale.ROOT);
    return KNOWN_UNSUPPORTED.contains(name)
        ? "Content-Encoding " + name + " is not supported by otelgw; use " + SUPPORTED
        : "Content-Encoding must be " + SUPPORTED;
  }

  /** A stream of the decoded bytes of {@code encoded}; closing it releases the inflater. */
  InputStream decode(InputStream encoded) throws IOException {
    return switch (this) {
      case IDENTITY -> encoded;
      case GZIP -> new GZIPInputStream(encoded, 8192);
      case DEFLATE -> new InflaterInputStream(encoded);
    };
  }
}
