package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.UninitializedMessageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The OTLP/JSON encoding (OTLP specification, "JSON Protobuf Encoding"): the proto3 JSON mapping
 * with hex trace and span ids and integer enums. Works on any message type by walking its
 * descriptor: export requests and responses of every signal, and {@code google.rpc.Status}.
 *
 * <p>Decoding is lenient where protobuf's own JSON parsers are:
 *
 * <ul>
 *   <li>keys in lowerCamelCase and also the original proto field names;
 *   <li>unknown keys are ignored, with their whole value;
 *   <li>{@code trace_id}, {@code span_id} and {@code parent_span_id} bytes fields in hex of either
 *       case (the empty string is an empty id); other bytes fields in base64, standard or URL-safe;
 *   <li>enums as integers or names; integers, including 64-bit ones, as numbers or strings;
 *       floating-point values as numbers or the strings {@code "NaN"}, {@code "Infinity"}, {@code
 *       "-Infinity"};
 *   <li>{@code null} for any field means "not set".
 * </ul>
 *
 * <p>It is strict where a value cannot be meant: a wrong type, an integer out of range, a trace id
 * that is not 32 hex characters, two members of one oneof, nesting deeper than {@link
 * OtlpJsonOptions#maxDepth()}. Encoding writes what the spec asks senders to write: lowerCamelCase
 * keys, lowercase hex ids, enums as integers, 64-bit integers as decimal strings, and no fields
 * that hold their default value. An id of another length than 16 (trace) or 8 (span) bytes is
 * written in full, but decoding rejects it, as the Collector does.
 *
 * <p>Well-known types with a special JSON form are not implemented: decoding skips {@code
 * google.protobuf.Any} values (such as {@code Status.details}) like unknown fields, and encoding
 * one throws {@link IllegalArgumentException}. OTLP messages use none of them.
 *
 * <p>Thread-safe; the methods keep no state between calls.
 */
public final class OtlpJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private OtlpJson() {}

  /**
   * Decodes a whole JSON document with the {@linkplain OtlpJsonOptions#defaults() default limits}.
   *
   * @param json the UTF-8 JSON document, exactly one object
   * @param prototype any instance of the message type to build, usually {@code
   *     getDefaultInstance()}
   * @throws OtlpJsonException if the document is not valid JSON or does not fit the message type
   */
  public static <M extends Message> M decode(byte[] json, M prototype) throws OtlpJsonException {
    return decode(json, 0, json.length, prototype, OtlpJsonOptions.defaults());
  }

  /**
   * Decodes the JSON document in {@code json[offset, offset + length)}.
   *
   * @throws OtlpJsonException if the document is not valid JSON, does not fit the message type, or
   *     exceeds the limits in {@code options}
   */
  @SuppressWarnings("unchecked") // newBuilderForType() builds the prototype's own type
  public static <M extends Message> M decode(
      byte[] json, int offset, int length, M prototype, OtlpJsonOptions options)
      throws OtlpJsonException {
    Objects.checkFromIndexSize(offset, length, json.length);
    Message.Builder builder = prototype.newBuilderForType();
    try (JsonParser parser = FACTORY.createParser(json, offset, length)) {
      new JsonMessageReader(parser, options.maxDepth()).readDocument(builder);
      return (M) builder.build();
    } catch (JsonFieldError e) {
      throw new OtlpJsonException(e.describe());
    } catch (JsonProcessingException e) {
      throw new OtlpJsonException(JsonSyntaxProblem.describe(e));
    } catch (UninitializedMessageException e) {
      throw new OtlpJsonException("JSON document lacks required fields: " + e.getMissingFields());
    } catch (IOException e) {
      // A byte array cannot fail to read; keep the compiler honest.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Encodes a message as OTLP/JSON in UTF-8.
   *
   * @throws IllegalArgumentException if the message holds a well-known type with a special JSON
   *     form, such as {@code google.protobuf.Any}
   */
  public static byte[] encode(MessageOrBuilder message) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(256);
    try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
      new JsonMessageWriter(generator)
          .writeMessage(message, JsonSchema.of(message.getDescriptorForType()));
    } catch (IOException e) {
      // Writing to memory cannot fail.
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
