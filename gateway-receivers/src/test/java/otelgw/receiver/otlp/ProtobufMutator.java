package otelgw.receiver.otlp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid protobuf messages the way a fuzzer that knows the wire format does: it finds the
 * fields (and the fields of fields that parse as messages) and drops, repeats, swaps, re-types,
 * re-sizes or nests them, besides flipping and splicing raw bytes. Deterministic for a seed.
 */
final class ProtobufMutator {

  private final Random random;

  ProtobufMutator(Random random) {
    this.random = random;
  }

  /**
   * A field found in a message: where its tag starts, where its length (if any) and value start,
   * and where it ends.
   */
  private record Field(int tagAt, int lengthAt, int valueAt, int end, int wireType) {}

  byte[] mutate(byte[] message, byte[] other) {
    List<Field> fields = new ArrayList<>();
    collect(message, 0, message.length, 0, fields);
    int operations = 1 + random.nextInt(3);
    for (int i = 0; i < operations; i++) {
      message = mutateOnce(message, other, fields);
      fields.clear();
      collect(message, 0, message.length, 0, fields);
    }
    return message;
  }

  private byte[] mutateOnce(byte[] m, byte[] other, List<Field> fields) {
    Field field = fields.isEmpty() ? null : fields.get(random.nextInt(fields.size()));
    switch (field == null ? random.nextInt(4) : random.nextInt(12)) {
      case 0: // flip bits
        if (m.length > 0) {
          m = m.clone();
          m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return m;
      case 1: // truncate
        return Arrays.copyOf(m, m.length == 0 ? 0 : random.nextInt(m.length));
      case 2: // splice another message in
        int at = random.nextInt(m.length + 1);
        int from = random.nextInt(other.length + 1);
        return concat(Arrays.copyOf(m, at), Arrays.copyOfRange(other, from, other.length));
      case 3: // random bytes somewhere
        byte[] noise = new byte[1 + random.nextInt(8)];
        random.nextBytes(noise);
        return insert(m, random.nextInt(m.length + 1), noise);
      case 4: // drop a field
        return remove(m, field.tagAt, field.end);
      case 5: // repeat a field
        return insert(m, field.end, Arrays.copyOfRange(m, field.tagAt, field.end));
      case 6: // another wire type for the same field number
        m = m.clone();
        m[field.tagAt] = (byte) ((m[field.tagAt] & ~7) | random.nextInt(8));
        return m;
      case 7: // a length that lies
        if (field.wireType == 2) {
          int length = field.end - field.valueAt;
          int lie = Math.max(0, length + random.nextInt(9) - 4);
          return replaceLength(m, field, lie);
        }
        return m;
      case 8: // a field's value nested inside itself, many times
        if (field.wireType == 2) {
          byte[] value = Arrays.copyOfRange(m, field.tagAt, field.end);
          int times = 1 + random.nextInt(200);
          byte[] tag = Arrays.copyOfRange(m, field.tagAt, field.lengthAt);
          for (int i = 0; i < times; i++) {
            value = concat(concat(tag, varint(value.length)), value);
          }
          return concat(
              concat(Arrays.copyOf(m, field.tagAt), value),
              Arrays.copyOfRange(m, field.end, m.length));
        }
        return m;
      case 9: // a huge varint or a varint that never ends
        return insert(
            m,
            field.valueAt,
            random.nextBoolean()
                ? new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}
                : new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80});
      case 10: // swap two fields
        Field second = fields.get(random.nextInt(fields.size()));
        if (second.tagAt >= field.end) {
          return concat(
              concat(
                  concat(
                      Arrays.copyOf(m, field.tagAt),
                      Arrays.copyOfRange(m, second.tagAt, second.end)),
                  Arrays.copyOfRange(m, field.end, second.tagAt)),
              concat(
                  Arrays.copyOfRange(m, field.tagAt, field.end),
                  Arrays.copyOfRange(m, second.end, m.length)));
        }
        return m;
      default: // invalid UTF-8 or stray bytes inside a value
        if (field.end > field.valueAt) {
          m = m.clone();
          m[field.valueAt + random.nextInt(field.end - field.valueAt)] =
              (byte) (0x80 | random.nextInt(0x80));
        }
        return m;
    }
  }

  /** Collects the fields of [start, end) and, where a value parses as a message, its fields. */
  private static boolean collect(byte[] b, int pos, int end, int depth, List<Field> into) {
    List<Field> found = new ArrayList<>();
    while (pos < end) {
      int tagAt = pos;
      long tag = 0;
      int shift = 0;
      while (true) {
        if (pos >= end || shift > 35) {
          return false;
        }
        int next = b[pos++];
        tag |= (long) (next & 0x7F) << shift;
        shift += 7;
        if (next >= 0) {
          break;
        }
      }
      int wireType = (int) (tag & 7);
      if (tag >>> 3 == 0) {
        return false;
      }
      int lengthAt = pos;
      int valueAt = pos;
      switch (wireType) {
        case 0 -> {
          while (pos < end && b[pos] < 0) {
            pos++;
          }
          pos++;
        }
        case 1 -> pos += 8;
        case 5 -> pos += 4;
        case 2 -> {
          long length = 0;
          shift = 0;
          while (true) {
            if (pos >= end || shift > 28) {
              return false;
            }
            int next = b[pos++];
            length |= (long) (next & 0x7F) << shift;
            shift += 7;
            if (next >= 0) {
              break;
            }
          }
          valueAt = pos;
          pos += (int) length;
        }
        default -> {
          return false;
        }
      }
      if (pos > end) {
        return false;
      }
      found.add(new Field(tagAt, lengthAt, valueAt, pos, wireType));
    }
    into.addAll(found);
    if (depth < 12) {
      for (Field field : found) {
        if (field.wireType == 2 && field.end > field.valueAt) {
          collect(b, field.valueAt, field.end, depth + 1, into);
        }
      }
    }
    return true;
  }

  private static byte[] replaceLength(byte[] m, Field field, int length) {
    return concat(
        concat(Arrays.copyOf(m, field.lengthAt), varint(length)),
        Arrays.copyOfRange(m, field.valueAt, m.length));
  }

  private static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(5);
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static byte[] insert(byte[] m, int at, byte[] added) {
    return concat(concat(Arrays.copyOf(m, at), added), Arrays.copyOfRange(m, at, m.length));
  }

  private static byte[] remove(byte[] m, int from, int to) {
    return concat(Arrays.copyOf(m, from), Arrays.copyOfRange(m, to, m.length));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
