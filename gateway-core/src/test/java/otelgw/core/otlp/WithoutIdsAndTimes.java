package otelgw.core.otlp;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Map;

/**
 * Clears trace and span ids and {@code *_time_unix_nano} fields everywhere in a message: the JSON
 * and protobuf captures of the same SDK data come from separate runs and differ only in those.
 */
final class WithoutIdsAndTimes {
  private WithoutIdsAndTimes() {}

  static Message of(Message message) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      String name = field.getName();
      if (name.endsWith("time_unix_nano") || name.endsWith("span_id") || name.equals("trace_id")) {
        builder.clearField(field);
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (field.isRepeated()) {
          for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
            builder.setRepeatedField(field, i, of((Message) message.getRepeatedField(field, i)));
          }
        } else {
          builder.setField(field, of((Message) entry.getValue()));
        }
      }
    }
    return builder.build();
  }
}
