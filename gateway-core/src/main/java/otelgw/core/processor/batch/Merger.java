package otelgw.core.processor.batch;

import com.google.protobuf.Message;
import java.util.List;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;

/**
 * Merges batches of one signal into one, moving their tickets to it. Every OTLP export request is a
 * single repeated field ({@code resource_spans}, {@code resource_metrics}, {@code resource_logs}),
 * and protobuf parses concatenated encodings as one message with the repeated fields concatenated:
 * so the merge of requests is the concatenation of their bytes, with no parsing and each resource
 * kept whole. A decoded part is serialized for it, once, as its exporter would have done.
 */
final class Merger {

  private Merger() {}

  static <B extends Batch<?>> B merge(BatchType<?, B> type, List<B> parts) {
    B merged = concatenate(type, parts);
    for (B part : parts) {
      merged.attach(part.detachTicket());
    }
    return merged;
  }

  private static <B extends Batch<?>> B concatenate(BatchType<?, B> type, List<B> parts) {
    int total = 0;
    int items = 0;
    for (B part : parts) {
      total = Math.addExact(total, part.byteSize());
      items = Math.addExact(items, part.itemCount());
    }
    byte[] merged = new byte[total];
    int at = 0;
    for (B part : parts) {
      byte[] bytes = part.toByteArray();
      System.arraycopy(bytes, 0, merged, at, bytes.length);
      at += bytes.length;
    }
    // Every part is well-formed (scanned on arrival, or encoded by protobuf), and so is their
    // concatenation: its items are the parts' items, without a second scan.
    return type.fromCheckedWire(merged, items);
  }

  /**
   * A batch of {@code type} holding {@code message}, which must be its request type: a pipeline's
   * batch type and its batches agree on it, though Java cannot tell.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <B extends Batch<?>> B ofMessage(BatchType<?, B> type, Message message) {
    return (B) ((BatchType) type).fromMessage(message);
  }
}
