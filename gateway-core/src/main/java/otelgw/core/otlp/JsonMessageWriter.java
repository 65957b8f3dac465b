package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;

/**
 * Writes a message as OTLP/JSON, walking its descriptor. One instance per document; not
 * thread-safe.
 */
final class JsonMessageWriter {
  private final JsonGenerator out;
  // Room for a 64-bit number or a 32-byte id, so neither needs a String.
  private final char[] scratch = new char[64];

  JsonMessageWriter(JsonGenerator out) {
    this.out = out;
  }

  /**
   * Writes one object. Like protobuf's own JSON printer, it leaves out repeated fields that are
   * empty and singular fields that are not present: for proto3 scalars that means "equal to the
   * default", while oneof members and {@code optional} fields are written whenever set.
   */
  void writeMessage(MessageOrBuilder message, JsonSchema schema) throws IOException {
    if (schema.specialJsonForm) {
      throw new IllegalArgumentException(
          schema.descriptor.getFullName()
              + " has a special JSON form that OtlpJson does not implement"
              + " (for google.rpc.Status, leave details empty in JSON answers)");
    }
    out.writeStartObject();
    for (JsonField field : schema.fields) {
      if (field.repeated) {
        int count = message.getRepeatedFieldCount(field.descriptor);
        if (count > 0) {
          out.writeFieldName(field.jsonName);
          if (field.kind == JsonField.Kind.MAP) {
            writeMap(message, field, count);
          } else {
            out.writeStartArray();
            for (int i = 0; i < count; i++) {
              writeValue(field, message.getRepeatedField(field.descriptor, i));
            }
            out.writeEndArray();
          }
        }
      } else if (message.hasField(field.descriptor)) {
        out.writeFieldName(field.jsonName);
        writeValue(field, message.getField(field.descriptor));
      }
    }
    out.writeEndObject();
  }

  private void writeValue(JsonField field, Object value) throws IOException {
    switch (field.kind) {
      case INT32 -> out.writeNumber((int) (Integer) value);
      case UINT32 -> out.writeNumber(Integer.toUnsignedLong((Integer) value));
      case INT64 -> writeDecimalString((Long) value);
      case UINT64 -> {
        long bits = (Long) value;
        if (bits >= 0) {
          writeDecimalString(bits);
        } else {
          out.writeString(Long.toUnsignedString(bits));
        }
      }
      case FLOAT -> writeFloat((Float) value);
      case DOUBLE -> writeDouble((Double) value);
      case BOOL -> out.writeBoolean((Boolean) value);
      case STRING -> out.writeString((String) value);
      case BYTES -> out.writeBinary(((ByteString) value).toByteArray());
      case HEX_ID -> writeHex((ByteString) value);
      case ENUM -> out.writeNumber(((EnumValueDescriptor) value).getNumber());
      case MESSAGE -> writeMessage((MessageOrBuilder) value, field.nested());
      case MAP -> throw new IllegalArgumentException("a map entry is not a single value");
    }
  }

  /** Proto3 JSON writes a map as an object keyed by the map keys' text. */
  private void writeMap(MessageOrBuilder message, JsonField field, int count) throws IOException {
    JsonField keyField = field.nested().fields[0];
    JsonField valueField = field.nested().fields[1];
    out.writeStartObject();
    for (int i = 0; i < count; i++) {
      MessageOrBuilder entry = (MessageOrBuilder) message.getRepeatedField(field.descriptor, i);
      Object key = entry.getField(keyField.descriptor);
      out.writeFieldName(
          switch (keyField.kind) {
            case UINT32 -> Integer.toUnsignedString((Integer) key);
            case UINT64 -> Long.toUnsignedString((Long) key);
            default -> String.valueOf(key);
          });
      writeValue(valueField, entry.getField(valueField.descriptor));
    }
    out.writeEndObject();
  }

  // Proto3 JSON (and so OTLP/JSON) writes 64-bit integers as decimal strings: JavaScript numbers
  // cannot hold them exactly.
  private void writeDecimalString(long value) throws IOException {
    int length = NumberOutput.outputLong(value, scratch, 0);
    out.writeString(scratch, 0, length);
  }

  private void writeFloat(float value) throws IOException {
    if (Float.isFinite(value)) {
      out.writeNumber(value);
    } else {
      writeNonFinite(value);
    }
  }

  private void writeDouble(double value) throws IOException {
    if (Double.isFinite(value)) {
      out.writeNumber(value);
    } else {
      writeNonFinite(value);
    }
  }

  private void writeNonFinite(double value) throws IOException {
    out.writeString(Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
  }

  private void writeHex(ByteString id) throws IOException {
    if (id.size() * 2 > scratch.length) {
      // Not a trace or span id of the usual size; still written in full.
      char[] chars = new char[id.size() * 2];
      out.writeString(chars, 0, HexIds.encode(id, chars));
    } else {
      out.writeString(scratch, 0, HexIds.encode(id, scratch));
    }
  }
}
