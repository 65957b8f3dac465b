package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON value that does not fit its field. Thrown where the value is read; each enclosing level
 * adds its key or index while the error unwinds, so the happy path pays nothing for the path.
 */
final class JsonFieldError extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SEGMENT = 64;
  private static final int MAX_PATH = 200;

  private final String reason;
  private final int line;
  private final int column;
  // Innermost segment first.
  private final List<String> segments = new ArrayList<>();

  private JsonFieldError(String reason, JsonLocation location) {
    super(reason, null, false, false);
    this.reason = reason;
    this.line = location.getLineNr();
    this.column = location.getColumnNr();
  }

  /** An error about the value at the parser's current token; {@code reason} follows "field 'x'". */
  static JsonFieldError at(JsonParser parser, String reason) {
    return new JsonFieldError(reason, parser.currentTokenLocation());
  }

  JsonFieldError inField(String key) {
    segments.add(key.length() <= MAX_SEGMENT ? key : key.substring(0, MAX_SEGMENT) + "...");
    return this;
  }

  /** A key the schema does not know: request content, so named only as unknown. */
  JsonFieldError inUnknownField() {
    segments.add("<unknown field>");
    return this;
  }

  /** A map entry: its key is request content, so not shown. */
  JsonFieldError inMapEntry() {
    segments.add("[<map key>]");
    return this;
  }

  JsonFieldError atIndex(int index) {
    segments.add("[" + index + "]");
    return this;
  }

  /** For example: field 'resourceSpans[0].scopeSpans[0].spans[2].traceId' must be ... */
  String describe() {
    String where = " (line " + line + ", column " + column + ")";
    if (segments.isEmpty()) {
      return "JSON document " + reason + where;
    }
    StringBuilder path = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      if (path.length() > 0 && segment.charAt(0) != '[') {
        path.append('.');
      }
      path.append(segment);
    }
    String shown =
        path.length() <= MAX_PATH
            ? path.toString()
            : "..." + path.substring(path.length() - MAX_PATH);
    return "field '" + shown + "' " + reason + where;
  }
}
