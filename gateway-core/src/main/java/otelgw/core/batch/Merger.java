package otelgw.core.batch;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges batches of one signal into one, moving their tickets to it. Every OTLP export request is a
 * single repeated field ({@code resource_spans}, {@code resource_metrics}, {@code resource_logs}),
 * and protobuf parses concatenated encodings as one message with the repeated fields concatenated:
 * so the merge of requests is the concatenation of their bytes, with no parsing and each resource
 * kept whole. The merged batch keeps the parts' arrays as chunks rather than copying them into one
 * (see {@link Batch#wireChunks()}); a decoded part is serialized for it, once, as its exporter
 * would have done.
 */
public final class Merger {

  private Merger() {}

  public static <B extends Batch<?>> B merge(BatchType<?, B> type, List<B> parts) {
    B merged = concatenate(type, parts);
    for (B part : parts) {
      merged.attach(part.detachTicket());
    }
    return merged;
  }

  private static <B extends Batch<?>> B concatenate(BatchType<?, B> type, List<B> parts) {
    int total = 0;
    int items = 0;
    List<byte[]> chunks = new ArrayList<>(parts.size());
    for (B part : parts) {
      total = Math.addExact(total, part.byteSize());
      items = Math.addExact(items, part.itemCount());
      chunks.addAll(part.wireChunks());
    }
    // Every part is well-formed (scanned on arrival, or encoded by protobuf), and so is their
    // concatenation: its items are the parts' items, without a second scan. The parts' arrays are
    // laid end to end as they are; a sender writes them one after another.
    return type.fromCheckedChunks(chunks.toArray(new byte[0][]), total, items);
  }

  /**
   * A batch of {@code type} holding {@code message}, which must be its request type: a pipeline's
   * batch type and its batches agree on it, though Java cannot tell.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <B extends Batch<?>> B ofMessage(BatchType<?, B> type, Message message) {
    return (B) ((BatchType) type).fromMessage(message);
  }
}
