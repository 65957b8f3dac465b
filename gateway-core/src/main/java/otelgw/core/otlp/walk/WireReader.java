package otelgw.core.otlp.walk;

import io.opentelemetry.proto.common.v1.KeyValue;
import java.nio.charset.StandardCharsets;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireFields;

/**
 * Shows a {@link WireScreen} the attributes, text fields and bodies of one part of a request, read
 * from its bytes; {@link RecordScreens} knows where they are in each kind of part. Each nesting
 * level of a part reads with a cursor of its own, kept from part to part. Not thread-safe.
 */
final class WireReader {

  /** The deepest part: metric, data, data point, exemplar, attribute, value. */
  private static final int MAX_DEPTH = 6;

  private final WireScreen screen;
  private final WireFields[] cursors = new WireFields[MAX_DEPTH];
  private final WireAttribute attribute = new WireAttribute();
  private final WireValue body = new WireValue();
  private byte[] bytes;

  WireReader(WireScreen screen) {
    this.screen = screen;
    for (int i = 0; i < MAX_DEPTH; i++) {
      cursors[i] = new WireFields();
    }
  }

  /** Reads parts of {@code bytes} from now on. */
  void reset(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Whether the part in [start, end) is to be screened: see {@link WireScreen#beginPart}. */
  boolean beginPart(int start, int end) {
    return screen.beginPart(bytes, start, end);
  }

  /** The cursor of nesting level {@code depth}, reset to the message in [start, end). */
  WireFields open(int depth, int start, int end) {
    return cursors[depth].reset(bytes, start, end);
  }

  /** The cursor of nesting level {@code depth}, reset to the content of the current field. */
  WireFields open(int depth, WireFields field) {
    return open(depth, field.bodyStart(), field.bodyEnd());
  }

  /**
   * Whether the visitor might change the attribute in {@code field}, a {@code KeyValue} one level
   * above {@code depth}. An encoding the walker's reading would not settle alone (a field twice, of
   * another wire type, or unknown) may change, so that the parser decides.
   */
  boolean attribute(Site site, int depth, WireFields field) throws MalformedProtobufException {
    if (!field.isLengthDelimited()) {
      return true;
    }
    WireFields entry = open(depth, field);
    int keyStart = -1;
    int keyEnd = -1;
    int valueStart = -1;
    int valueEnd = -1;
    while (entry.next()) {
      if (entry.field() == KeyValue.KEY_FIELD_NUMBER && entry.isLengthDelimited() && keyStart < 0) {
        keyStart = entry.bodyStart();
        keyEnd = entry.bodyEnd();
        if (!isUtf8(keyStart, keyEnd)) {
          return true;
        }
      } else if (entry.field() == KeyValue.VALUE_FIELD_NUMBER
          && entry.isLengthDelimited()
          && valueStart < 0) {
        valueStart = entry.bodyStart();
        valueEnd = entry.bodyEnd();
      } else {
        return true;
      }
    }
    attribute.key(bytes, keyStart, keyEnd);
    WireValue value = attribute.value();
    if (valueStart < 0) {
      value.none();
    } else if (!value.read(open(depth + 1, valueStart, valueEnd), this)) {
      return true;
    }
    return screen.mayChange(site, attribute);
  }

  /** Whether the visitor might change the text in {@code field}. */
  boolean text(TextField text, WireFields field) {
    if (!field.isLengthDelimited()) {
      return true;
    }
    String string = utf8(field.bodyStart(), field.bodyEnd());
    return string == null || screen.mayChange(text, string);
  }

  /** Whether the visitor might change a text field that the bytes do not hold: an empty one. */
  boolean absentText(TextField text) {
    return screen.mayChange(text, "");
  }

  /** Whether the visitor might change the log body in {@code field}, an {@code AnyValue}. */
  boolean body(int depth, WireFields field) throws MalformedProtobufException {
    if (!field.isLengthDelimited() || !body.read(open(depth, field), this)) {
      return true;
    }
    return screen.mayChangeBody(body);
  }

  /**
   * The UTF-8 string in [start, end), or null if it is not valid UTF-8 (or holds U+FFFD, which
   * decoding puts for invalid bytes): the parser then decides, and rejects invalid text as it would
   * have without the screen.
   */
  String utf8(int start, int end) {
    String string = new String(bytes, start, end - start, StandardCharsets.UTF_8);
    return string.indexOf('\uFFFD') < 0 ? string : null;
  }

  /** Whether [start, end) is valid UTF-8, decoding it only where it is not all ASCII. */
  private boolean isUtf8(int start, int end) {
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        return utf8(start, end) != null;
      }
    }
    return true;
  }
}
