package otelgw.core.batch;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import otelgw.config.Signal;

/**
 * One OTLP export request on its way through the gateway, kept as lazily as it can be.
 *
 * <p>A batch that arrived as protobuf keeps the bytes it arrived as and the item count a wire scan
 * found. It parses into the OTLP message only when a stage asks for {@link #message()}, and it is
 * serialized again only if a stage {@link #update updated} it; a pipeline that only limits, counts
 * and forwards sends the original bytes. A merge of such batches keeps their arrays as chunks, laid
 * end to end, and joins them only if a stage asks for one array. Protobuf messages and the kept
 * bytes are immutable, so a batch can be {@link #share shared} with another consumer at the cost of
 * one small object.
 *
 * <p>Not thread-safe: a batch has one owner at a time, and {@code consume(batch)} passes ownership.
 *
 * @param <M> the OTLP export request message
 */
public abstract sealed class Batch<M extends Message> permits TraceBatch, MetricBatch, LogBatch {

  private byte[] wire;
  private byte[][] chunks; // a merge's requests not yet joined into wire; then wire is null
  private int chunksLength;
  private M message;
  private int itemCount;
  private Ticket ticket = Ticket.NONE;

  /** A batch of protobuf bytes whose structure and {@code itemCount} a wire scan established. */
  Batch(byte[] wire, int itemCount) {
    this.wire = wire;
    this.itemCount = itemCount;
  }

  /** Requests laid end to end, well-formed and with {@code itemCount} items in all. */
  Batch(byte[][] chunks, int length, int itemCount) {
    this.chunks = chunks;
    this.chunksLength = length;
    this.itemCount = itemCount;
  }

  /** A second batch of the same content, for {@link #share()}. */
  Batch(Batch<M> other) {
    this.wire = other.wire;
    this.chunks = other.chunks;
    this.chunksLength = other.chunksLength;
    this.message = other.message;
    this.itemCount = other.itemCount;
    this.ticket = other.ticket.retain();
  }

  /** A batch of an already decoded message, as JSON input or a processor makes. */
  Batch(M message) {
    this.message = message;
    this.itemCount = -1;
  }

  /** Which signal this is, and how batches of it are made. */
  public abstract BatchType<M, ? extends Batch<M>> type();

  public final Signal signal() {
    return type().signal();
  }

  /** Spans, metric data points or log records in this batch. */
  public final int itemCount() {
    if (itemCount < 0) {
      itemCount = type().countItems(message);
    }
    return itemCount;
  }

  /** The size of this batch's protobuf encoding, in bytes. */
  public final int byteSize() {
    if (wire != null) {
      return wire.length;
    }
    return chunks != null ? chunksLength : message.getSerializedSize();
  }

  /**
   * Whether this batch holds the decoded message: decoded by itself, or already decoded when it was
   * shared from another. A share taken before decoding decodes again on its own.
   */
  public final boolean isDecoded() {
    return message != null;
  }

  /** Whether {@link #toByteArray()} returns the bytes as they arrived, with no re-encoding. */
  public final boolean hasWireBytes() {
    return wire != null || chunks != null;
  }

  /**
   * The OTLP message, decoded on first use.
   *
   * @throws MalformedBatchException if the bytes passed the wire scan but do not decode, such as a
   *     string field that is not UTF-8
   */
  public final M message() {
    if (message == null) {
      try {
        message = type().parser().parseFrom(toByteArray());
      } catch (InvalidProtocolBufferException e) {
        throw new MalformedBatchException(e.getMessage());
      }
    }
    return message;
  }

  /** Replaces the content with {@code updated}; the original bytes are no longer sent. */
  public final void update(M updated) {
    this.message = updated;
    this.wire = null;
    this.chunks = null;
    this.itemCount = -1;
  }

  /**
   * Replaces the content with {@code rewritten}, protobuf-encoded requests to be laid end to end as
   * {@link #wireChunks()} gives them: for a stage that changes parts of the bytes without decoding
   * the rest. The items must be the same ones, changed only inside, so the item count stands. Takes
   * ownership of the arrays.
   */
  public final void updateWire(List<byte[]> rewritten) {
    itemCount();
    this.message = null;
    if (rewritten.size() == 1) {
      this.wire = rewritten.get(0);
      this.chunks = null;
      return;
    }
    this.wire = null;
    this.chunks = rewritten.toArray(new byte[0][]);
    int length = 0;
    for (byte[] chunk : chunks) {
      length += chunk.length;
    }
    this.chunksLength = length;
  }

  /**
   * The protobuf encoding to send: the bytes as they arrived if no stage changed them (a merge's
   * chunks joined, once), otherwise the updated message serialized (once). The array must not be
   * modified.
   */
  public final byte[] toByteArray() {
    if (wire == null) {
      wire = chunks != null ? join(chunks, chunksLength) : message.toByteArray();
      chunks = null;
    }
    return wire;
  }

  /**
   * The protobuf encoding to send, as arrays whose concatenation is {@link #toByteArray()}: for a
   * merge, the requests it merged, uncopied; otherwise one array. For senders that can write
   * several buffers: joining a merge of thousands of spans allocates and fills megabytes for one
   * send. The arrays must not be modified.
   */
  public final List<byte[]> wireChunks() {
    return chunks != null ? List.of(chunks) : List.of(toByteArray());
  }

  /**
   * Keeps only the protobuf encoding: serializes an updated message now and lets go of the decoded
   * one. For a stage that holds batches back: a decoded request takes several times the memory of
   * its bytes, all of it copied by every young collection while it waits, and what comes after
   * wants the bytes. A later {@link #message()} decodes again.
   */
  public final void compact() {
    itemCount();
    if (!hasWireBytes()) {
      toByteArray();
    }
    message = null;
  }

  /**
   * Makes this batch carry {@code added} as well as its own ticket: admission attaches the memory
   * it reserved, and a stage merging batches attaches the tickets of those it merged.
   */
  public final void attach(Ticket added) {
    ticket = Ticket.combine(ticket, added);
  }

  /**
   * Hands over this batch's ticket, leaving it none: for a stage that merges this batch into
   * another, which {@link #attach attaches} what this returns.
   */
  public final Ticket detachTicket() {
    Ticket detached = ticket;
    ticket = Ticket.NONE;
    return detached;
  }

  /**
   * Says this batch's data is done with, delivered or dropped, freeing the memory it was admitted
   * with once every batch sharing it is done too. Whoever ends a batch's journey calls this
   * (exporters, and processors that drop a batch whole); a second call does nothing.
   */
  public final void release() {
    detachTicket().release();
  }

  /**
   * A new batch with the same content, for a second consumer. Both refer to the same immutable
   * bytes and message; an {@link #update} of one does not show in the other. The new batch holds
   * the ticket too, and must be {@link #release released} on its own.
   */
  public abstract Batch<M> share();

  private static byte[] join(byte[][] chunks, int length) {
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, joined, at, chunk.length);
      at += chunk.length;
    }
    return joined;
  }

  @Override
  public String toString() {
    return signal().configName()
        + " batch of "
        + itemCount()
        + " "
        + signal().itemName()
        + ", "
        + byteSize()
        + " bytes";
  }
}
