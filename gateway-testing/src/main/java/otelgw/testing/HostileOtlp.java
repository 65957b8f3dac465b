package otelgw.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Hostile OTLP requests for tests, hand-encoded because protobuf-java will neither build nor
 * serialize most of them: values nested thousands of levels deep, groups within groups, a million
 * attributes, decompression bombs. Each is otherwise a well-formed OTLP traces export request, so
 * only the property under test is hostile. Building one takes milliseconds.
 */
public final class HostileOtlp {

  // Field numbers of the OTLP messages on the way down to a span's attributes.
  private static final int REQUEST_RESOURCE_SPANS = 1;
  private static final int RESOURCE_SPANS_SCOPE_SPANS = 2;
  private static final int SCOPE_SPANS_SPANS = 2;
  private static final int SPAN_NAME = 5;
  private static final int SPAN_ATTRIBUTES = 9;
  private static final int KEY_VALUE_KEY = 1;
  private static final int KEY_VALUE_VALUE = 2;
  private static final int ANY_VALUE_STRING = 1;
  private static final int ANY_VALUE_INT = 3;
  private static final int ANY_VALUE_ARRAY = 5;
  private static final int ANY_VALUE_KVLIST = 6;
  private static final int LIST_VALUES = 1; // ArrayValue.values and KeyValueList.values

  private static final int LENGTH_DELIMITED = 2;
  private static final int START_GROUP = 3;
  private static final int END_GROUP = 4;

  private HostileOtlp() {}

  /** How an attribute value nests. */
  public enum Nesting {
    /** {@code arrayValue} inside {@code arrayValue}: two messages per level. */
    ARRAY,
    /** {@code kvlistValue} inside {@code kvlistValue}: three messages per level. */
    KVLIST
  }

  /**
   * A traces request with one span whose one attribute value nests {@code depth} levels deep,
   * protobuf. 10,000 levels of arrays take about 60 KB.
   */
  public static byte[] deeplyNestedAttribute(int depth, Nesting nesting) {
    // Written from the inside out: each level is a prefix (tags and lengths), then the inside.
    byte[] inside = field(ANY_VALUE_STRING, "x".getBytes(UTF_8));
    Bytes reversed = new Bytes();
    reversed.prependAll(inside);
    for (int i = 0; i < depth; i++) {
      int length = reversed.size();
      if (nesting == Nesting.ARRAY) {
        // AnyValue{array_value: ArrayValue{values: [inside]}}
        length = reversed.prependHeader(LIST_VALUES, length);
        reversed.prependHeader(ANY_VALUE_ARRAY, length);
      } else {
        // AnyValue{kvlist_value: KeyValueList{values: [KeyValue{key: "k", value: inside}]}}
        length = reversed.prependHeader(KEY_VALUE_VALUE, length);
        length = reversed.prependAll(field(KEY_VALUE_KEY, new byte[] {'k'})) + length;
        length = reversed.prependHeader(LIST_VALUES, length);
        reversed.prependHeader(ANY_VALUE_KVLIST, length);
      }
    }
    byte[] value = reversed.toByteArray();
    byte[] attribute =
        concat(field(KEY_VALUE_KEY, "deep".getBytes(UTF_8)), field(KEY_VALUE_VALUE, value));
    return traces(span(field(SPAN_ATTRIBUTES, attribute)));
  }

  /**
   * The OTLP/JSON form of {@link #deeplyNestedAttribute} with arrays: each level adds three JSON
   * levels ({@code {"arrayValue":{"values":[...]}}}).
   */
  public static byte[] deeplyNestedJsonAttribute(int depth) {
    StringBuilder json = new StringBuilder(depth * 40 + 300);
    json.append("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{")
        .append("\"traceId\":\"5b8efff798038103d269b633813fc60c\",")
        .append("\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"deep\",")
        .append("\"attributes\":[{\"key\":\"deep\",\"value\":");
    json.append("{\"arrayValue\":{\"values\":[".repeat(depth));
    json.append("{\"stringValue\":\"x\"}");
    json.append("]}}".repeat(depth));
    json.append("}]}]}]}]}");
    return json.toString().getBytes(UTF_8);
  }

  /**
   * A traces request with one span holding an unknown field made of {@code depth} groups, each
   * inside the one before: two bytes a level.
   */
  public static byte[] deeplyNestedGroups(int depth) {
    ByteArrayOutputStream groups = new ByteArrayOutputStream(depth * 4 + 16);
    int field = 1000;
    for (int i = 0; i < depth; i++) {
      writeVarint(groups, field << 3 | START_GROUP);
    }
    for (int i = 0; i < depth; i++) {
      writeVarint(groups, field << 3 | END_GROUP);
    }
    return traces(span(groups.toByteArray()));
  }

  /**
   * A traces request with one span of {@code count} attributes ({@code a: 1}, nine bytes each): a
   * million take 9 MB.
   */
  public static byte[] manyAttributes(int count) {
    byte[] attribute =
        field(
            SPAN_ATTRIBUTES,
            concat(
                field(KEY_VALUE_KEY, new byte[] {'a'}),
                field(KEY_VALUE_VALUE, new byte[] {ANY_VALUE_INT << 3, 1})));
    ByteArrayOutputStream attributes = new ByteArrayOutputStream(attribute.length * count);
    for (int i = 0; i < count; i++) {
      attributes.writeBytes(attribute);
    }
    return traces(span(attributes.toByteArray()));
  }

  /**
   * A gzip body that inflates to at least {@code inflatedBytes} zeros: gzip members of 1 MiB each,
   * one after another, as gzip allows. 10 GiB take about 10 MB.
   */
  public static byte[] gzipBomb(long inflatedBytes) {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
      gzip.write(new byte[1 << 20]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] one = member.toByteArray();
    long members = (inflatedBytes + (1 << 20) - 1) >> 20;
    ByteArrayOutputStream bomb = new ByteArrayOutputStream((int) (one.length * members));
    for (long i = 0; i < members; i++) {
      bomb.writeBytes(one);
    }
    return bomb.toByteArray();
  }

  /**
   * An HTTP {@code deflate} (zlib) body that inflates to {@code inflatedBytes} zeros: one stream,
   * so it costs the time to deflate them (about a second per GiB).
   */
  public static byte[] deflateBomb(long inflatedBytes) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    byte[] zeros = new byte[1 << 20];
    byte[] buffer = new byte[64 << 10];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long written = 0; written < inflatedBytes; written += zeros.length) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A traces request holding one span with the given fields after its name. */
  private static byte[] traces(byte[] span) {
    byte[] scope = field(SCOPE_SPANS_SPANS, span);
    byte[] resource = field(RESOURCE_SPANS_SCOPE_SPANS, scope);
    return field(REQUEST_RESOURCE_SPANS, resource);
  }

  private static byte[] span(byte[] fields) {
    return concat(field(SPAN_NAME, "hostile".getBytes(UTF_8)), fields);
  }

  private static byte[] field(int number, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 8);
    writeVarint(out, number << 3 | LENGTH_DELIMITED);
    writeVarint(out, content.length);
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Bytes built back to front, so that nesting costs no copy per level. */
  private static final class Bytes {
    private byte[] buffer = new byte[1024];
    private int start = buffer.length;

    int size() {
      return buffer.length - start;
    }

    /** Prepends {@code bytes}; returns their length. */
    int prependAll(byte[] bytes) {
      ensure(bytes.length);
      start -= bytes.length;
      System.arraycopy(bytes, 0, buffer, start, bytes.length);
      return bytes.length;
    }

    /**
     * Prepends the tag and length of a length-delimited field whose content is the {@code length}
     * bytes in front; returns the field's whole length.
     */
    int prependHeader(int field, int length) {
      ByteArrayOutputStream header = new ByteArrayOutputStream(8);
      writeVarint(header, field << 3 | LENGTH_DELIMITED);
      writeVarint(header, length);
      return prependAll(header.toByteArray()) + length;
    }

    byte[] toByteArray() {
      byte[] bytes = new byte[size()];
      System.arraycopy(buffer, start, bytes, 0, bytes.length);
      return bytes;
    }

    private void ensure(int more) {
      if (start >= more) {
        return;
      }
      int size = size();
      byte[] bigger = new byte[Math.max(buffer.length * 2, size + more + 1024)];
      System.arraycopy(buffer, start, bigger, bigger.length - size, size);
      buffer = bigger;
      start = bigger.length - size;
    }
  }
}
