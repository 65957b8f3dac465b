package otelgw.core.otlp;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;

/** What the JSON mapping needs to know about one protobuf field, worked out once per field. */
final class JsonField {

  /** How a field's values look in JSON. */
  enum Kind {
    INT32,
    UINT32,
    INT64,
    UINT64,
    FLOAT,
    DOUBLE,
    BOOL,
    STRING,
    BYTES,
    /** Trace and span ids: hex, not base64, in OTLP/JSON. */
    HEX_ID,
    ENUM,
    MESSAGE,
    MAP
  }

  final FieldDescriptor descriptor;
  final Kind kind;
  final boolean repeated;

  /** The lowerCamelCase key, pre-encoded for the writer. */
  final SerializedString jsonName;

  /** For {@link Kind#HEX_ID}: the id length in bytes (16 for a trace id, 8 for a span id). */
  final int idBytes;

  /** The index of the field's oneof in its message, or -1 (proto3 {@code optional} is not one). */
  final int oneofIndex;

  /** True for a field of type {@code google.protobuf.Any}, such as {@code Status.details}. */
  final boolean holdsAny;

  // Resolved lazily: a schema may refer to itself (AnyValue -> ArrayValue -> AnyValue). Racing
  // threads compute the same immutable value, so no synchronization is needed.
  private JsonSchema nested;

  JsonField(FieldDescriptor descriptor) {
    this.descriptor = descriptor;
    this.kind = kindOf(descriptor);
    this.repeated = descriptor.isRepeated();
    this.jsonName = new SerializedString(descriptor.getJsonName());
    this.idBytes = idBytesOf(descriptor.getName());
    OneofDescriptor oneof = descriptor.getRealContainingOneof();
    this.oneofIndex = oneof == null ? -1 : oneof.getIndex();
    this.holdsAny =
        kind == Kind.MESSAGE
            && descriptor.getMessageType().getFullName().equals("google.protobuf.Any");
  }

  /** The schema of the field's message type (for a map, its entry type). */
  JsonSchema nested() {
    JsonSchema schema = nested;
    if (schema == null) {
      schema = JsonSchema.of(descriptor.getMessageType());
      nested = schema;
    }
    return schema;
  }

  private static Kind kindOf(FieldDescriptor fd) {
    if (fd.isMapField()) {
      return Kind.MAP;
    }
    return switch (fd.getType()) {
      case INT32, SINT32, SFIXED32 -> Kind.INT32;
      case UINT32, FIXED32 -> Kind.UINT32;
      case INT64, SINT64, SFIXED64 -> Kind.INT64;
      case UINT64, FIXED64 -> Kind.UINT64;
      case FLOAT -> Kind.FLOAT;
      case DOUBLE -> Kind.DOUBLE;
      case BOOL -> Kind.BOOL;
      case STRING -> Kind.STRING;
      case BYTES -> idBytesOf(fd.getName()) > 0 ? Kind.HEX_ID : Kind.BYTES;
      case ENUM -> Kind.ENUM;
      case MESSAGE, GROUP -> Kind.MESSAGE;
    };
  }

  // OTLP/JSON writes these ids in hex in every message that has them (Span, Link, LogRecord,
  // Exemplar, ...). The spec names traceId and spanId; parentSpanId is a span id too.
  private static int idBytesOf(String protoName) {
    return switch (protoName) {
      case "trace_id" -> 16;
      case "span_id", "parent_span_id" -> 8;
      default -> 0;
    };
  }
}
