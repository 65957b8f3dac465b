package otelgw.app.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import otelgw.core.telemetry.GatewayStatus;

/** Writes the admin endpoints' JSON bodies with Jackson's streaming generator. */
final class JsonBody {

  private static final JsonFactory JSON = new JsonFactory();

  private JsonBody() {}

  /** One JSON object whose fields {@code fields} writes. */
  static byte[] object(Body fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // into a byte array: cannot happen
    }
    return out.toByteArray();
  }

  /** An ISO-8601 instant, or null. */
  static void instant(JsonGenerator json, String name, Optional<Instant> instant)
      throws IOException {
    if (instant.isPresent()) {
      json.writeStringField(name, instant.get().toString());
    } else {
      json.writeNullField(name);
    }
  }

  /** A string, or null when empty. */
  static void string(JsonGenerator json, String name, String value) throws IOException {
    if (value.isEmpty()) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }

  /** The lifecycle state as a lower-case word: {@code running}. */
  static String state(GatewayStatus status) {
    return status.state().name().toLowerCase(Locale.ROOT);
  }

  /** Writes the fields of an object into a generator. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  /** Writes more fields of an object already open. */
  @FunctionalInterface
  interface Fields {
    void write() throws IOException;
  }
}
