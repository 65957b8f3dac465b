package otelgw.core.otlp;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON view of one message type: its fields in declaration order and a lookup by JSON key.
 * Built once per descriptor and cached, so decoding and encoding only do map lookups.
 */
final class JsonSchema {

  // Generated descriptors are a fixed set, so the cache stays small.
  private static final Map<Descriptor, JsonSchema> CACHE = new ConcurrentHashMap<>();

  // Well-known types whose proto3 JSON form is not an ordinary object. OTLP uses none of them;
  // google.rpc.Status uses Any for its details.
  private static final Set<String> SPECIAL_JSON_FORM =
      Set.of(
          "google.protobuf.Any",
          "google.protobuf.Duration",
          "google.protobuf.Timestamp",
          "google.protobuf.FieldMask",
          "google.protobuf.Struct",
          "google.protobuf.Value",
          "google.protobuf.ListValue",
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          "google.protobuf.StringValue",
          "google.protobuf.BytesValue");

  final Descriptor descriptor;
  final JsonField[] fields;

  /** True for a well-known type whose JSON form this mapping does not implement. */
  final boolean specialJsonForm;

  private final Map<String, JsonField> byKey;

  private JsonSchema(Descriptor descriptor) {
    this.descriptor = descriptor;
    this.specialJsonForm = SPECIAL_JSON_FORM.contains(descriptor.getFullName());
    List<FieldDescriptor> fds = descriptor.getFields();
    this.fields = new JsonField[fds.size()];
    this.byKey = new HashMap<>(fds.size() * 4);
    for (int i = 0; i < fields.length; i++) {
      JsonField field = new JsonField(fds.get(i));
      fields[i] = field;
      // The spec allows only lowerCamelCase keys, but protobuf's own parsers also accept the
      // proto names, and some senders use them.
      byKey.put(fds.get(i).getJsonName(), field);
      byKey.putIfAbsent(fds.get(i).getName(), field);
    }
  }

  static JsonSchema of(Descriptor descriptor) {
    JsonSchema schema = CACHE.get(descriptor);
    return schema != null ? schema : CACHE.computeIfAbsent(descriptor, JsonSchema::new);
  }

  /** The field with this JSON key (lowerCamelCase or proto name), or null if there is none. */
  JsonField field(String key) {
    return byKey.get(key);
  }
}
