package otelgw.receiver.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/** The {@code Content-Encoding}s the HTTP receiver decodes. */
enum ContentCoding {
  IDENTITY,
  GZIP,
  /** HTTP's {@code deflate}: zlib-wrapped deflate, as the Collector reads it. */
  DEFLATE;

  static final String SUPPORTED = "gzip, deflate or identity";

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

  /** A stream of the decoded bytes of {@code encoded}; closing it releases the inflater. */
  InputStream decode(InputStream encoded) throws IOException {
    return switch (this) {
      case IDENTITY -> encoded;
      case GZIP -> new GZIPInputStream(encoded, 8192);
      case DEFLATE -> new InflaterInputStream(encoded);
    };
  }
}
