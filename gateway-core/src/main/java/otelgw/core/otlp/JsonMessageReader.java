package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * Reads one JSON document into a protobuf builder, walking the builder's descriptor. One instance
 * per document; not thread-safe.
 *
 * <p>Nesting is counted here, including inside skipped unknown fields, so a hostile document hits a
 * clear limit long before the stack or Jackson's own limit.
 */
final class JsonMessageReader {
  private final JsonParser parser;
  private final int maxDepth;
  private int depth;

  JsonMessageReader(JsonParser parser, int maxDepth) {
    this.parser = parser;
    this.maxDepth = maxDepth;
  }

  /** Reads the document, which must be exactly one JSON object, into {@code builder}. */
  void readDocument(Message.Builder builder) throws IOException, JsonFieldError {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw JsonFieldError.at(parser, "is empty; expected an object");
    }
    if (token != JsonToken.START_OBJECT) {
      throw JsonFieldError.at(parser, "must be an object");
    }
    readObject(builder, JsonSchema.of(builder.getDescriptorForType()));
    if (parser.nextToken() != null) {
      throw JsonFieldError.at(parser, "has more content after its top-level object");
    }
  }

  /** Reads the fields of the object whose START_OBJECT is the current token. */
  private void readObject(Message.Builder builder, JsonSchema schema)
      throws IOException, JsonFieldError {
    enter();
    long oneofsSeen = 0;
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      JsonField field = schema.field(key);
      try {
        if (field == null || field.holdsAny) {
          // Unknown fields must be ignored (OTLP/JSON), however deep their value. Decoding an Any
          // would need a registry of the types it may hold; Status.details are advisory, so they
          // are skipped too.
          skipValue(token);
        } else if (token != JsonToken.VALUE_NULL) {
          if (field.oneofIndex >= 0) {
            oneofsSeen = claimOneof(builder, field, oneofsSeen);
          }
          readField(builder, field, token);
        }
      } catch (JsonFieldError e) {
        // A known key is the schema's own name; an unknown one is request content, not repeated.
        throw field == null ? e.inUnknownField() : e.inField(key);
      }
    }
    depth--;
  }

  private void readField(Message.Builder builder, JsonField field, JsonToken token)
      throws IOException, JsonFieldError {
    if (field.kind == JsonField.Kind.MAP) {
      readMap(builder, field, token);
    } else if (!field.repeated) {
      builder.setField(field.descriptor, readValue(builder, field, token));
    } else {
      if (token != JsonToken.START_ARRAY) {
        throw JsonFieldError.at(parser, "must be an array");
      }
      enter();
      int index = 0;
      for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        try {
          if (token == JsonToken.VALUE_NULL) {
            throw JsonFieldError.at(parser, "must not be null");
          }
          builder.addRepeatedField(field.descriptor, readValue(builder, field, token));
        } catch (JsonFieldError e) {
          throw e.atIndex(index);
        }
        index++;
      }
      depth--;
    }
  }

  private Object readValue(Message.Builder parent, JsonField field, JsonToken token)
      throws IOException, JsonFieldError {
    if (field.kind != JsonField.Kind.MESSAGE) {
      return JsonScalars.read(parser, field, token);
    }
    if (token != JsonToken.START_OBJECT) {
      throw JsonFieldError.at(parser, "must be an object");
    }
    Message.Builder child = parent.newBuilderForField(field.descriptor);
    readObject(child, field.nested());
    return child.buildPartial();
  }

  /** A proto3 JSON map: an object whose keys are the map's keys. */
  private void readMap(Message.Builder builder, JsonField field, JsonToken token)
      throws IOException, JsonFieldError {
    if (token != JsonToken.START_OBJECT) {
      throw JsonFieldError.at(parser, "must be an object (a map)");
    }
    enter();
    JsonField keyField = field.nested().fields[0];
    JsonField valueField = field.nested().fields[1];
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      JsonToken valueToken = parser.nextToken();
      try {
        if (valueToken == JsonToken.VALUE_NULL) {
          throw JsonFieldError.at(parser, "must not be null");
        }
        Message.Builder entry = builder.newBuilderForField(field.descriptor);
        entry.setField(keyField.descriptor, JsonScalars.mapKey(parser, key, keyField));
        entry.setField(valueField.descriptor, readValue(entry, valueField, valueToken));
        builder.addRepeatedField(field.descriptor, entry.build());
      } catch (JsonFieldError e) {
        throw e.inMapEntry();
      }
    }
    depth--;
  }

  /** Records that a member of a oneof is set; a second member is an error, as in protobuf. */
  private long claimOneof(Message.Builder builder, JsonField field, long seen)
      throws JsonFieldError {
    if (field.oneofIndex < Long.SIZE) {
      long bit = 1L << field.oneofIndex;
      if ((seen & bit) == 0) {
        return seen | bit;
      }
    } else if (!builder.hasOneof(field.descriptor.getRealContainingOneof())) {
      return seen;
    }
    String oneof = field.descriptor.getRealContainingOneof().getName();
    throw JsonFieldError.at(parser, "is a second value for oneof '" + oneof + "'");
  }

  /** Skips the value whose first token is current, counting its nesting against the limit. */
  private void skipValue(JsonToken token) throws IOException, JsonFieldError {
    if (token == null || !token.isStructStart()) {
      return;
    }
    int outside = depth;
    enter();
    while (depth > outside) {
      JsonToken next = parser.nextToken();
      if (next == null) {
        throw JsonFieldError.at(parser, "is cut off by the end of the document");
      } else if (next.isStructStart()) {
        enter();
      } else if (next.isStructEnd()) {
        depth--;
      }
    }
  }

  private void enter() throws JsonFieldError {
    if (++depth > maxDepth) {
      throw JsonFieldError.at(parser, "nests deeper than " + maxDepth + " levels");
    }
  }
}
