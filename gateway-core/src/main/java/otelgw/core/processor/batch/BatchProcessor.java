package otelgw.core.processor.batch;

import com.google.protobuf.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.Merger;
import otelgw.core.batch.Ticket;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.processor.batch.BatchSendMeters.Trigger;

/**
 * Holds batches back and sends them on merged, on the ring consumer thread. It sends what it holds:
 *
 * <ul>
 *   <li>when it holds {@code send_batch_size} items or more;
 *   <li>before taking a batch that would take it over {@code send_batch_max_size} items or {@code
 *       send_batch_max_bytes} bytes, so nothing merged has to be split again;
 *   <li>when the ring runs empty or idles ({@link #flush()}): under light load each request goes on
 *       alone and at once, and batches form by themselves as load rises, from the requests that
 *       queue in the ring;
 *   <li>when the oldest batch held has waited {@code timeout}, checked as each batch arrives: so
 *       under sustained load, when the ring never runs empty, nothing waits much longer.
 * </ul>
 *
 * <p>A request larger than the caps by itself is split (which decodes it). Merging concatenates
 * bytes and moves the tickets of the parts to the merged batch (see {@link Merger}); splitting
 * gives each part a share of the request's ticket. Not thread-safe.
 */
final class BatchProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchType<?, B> type;
  private final BatchConsumer<B> next;
  private final long sendBatchSize;
  private final long maxItems;
  private final long maxBytes;
  private final long timeoutNanos;
  private final LongSupplier nanoTime;
  private final BatchSendMeters meters;
  private final List<B> held = new ArrayList<>();
  private long heldItems;
  private long heldBytes;
  private long heldSince;

  BatchProcessor(
      BatchType<?, B> type,
      BatchProcessorConfig config,
      BatchConsumer<B> next,
      LongSupplier nanoTime,
      BatchSendMeters meters) {
    this.type = type;
    this.next = next;
    this.sendBatchSize = config.sendBatchSize();
    this.maxItems = config.maxItems();
    this.maxBytes = config.maxBytes();
    this.timeoutNanos = config.timeout().toNanos();
    this.nanoTime = nanoTime;
    this.meters = meters;
  }

  @Override
  public void consume(B batch) {
    if (batch.itemCount() == 0) {
      batch.release(); // nothing to send: no backend needs an empty request
      return;
    }
    long now = nanoTime.getAsLong();
    if (!held.isEmpty() && now - heldSince >= timeoutNanos) {
      send(Trigger.TIMEOUT);
    }
    B last = batch;
    if (batch.itemCount() > maxItems || batch.byteSize() > maxBytes) {
      send(Trigger.SIZE);
      List<B> parts = split(batch);
      for (int i = 0; i < parts.size() - 1; i++) {
        meters.sent(parts.get(i).itemCount(), Trigger.SIZE);
        next.consume(parts.get(i));
      }
      last = parts.get(parts.size() - 1);
    }
    if (!held.isEmpty()
        && (heldItems + last.itemCount() > maxItems || heldBytes + last.byteSize() > maxBytes)) {
      send(Trigger.SIZE);
    }
    if (held.isEmpty()) {
      heldSince = now;
    }
    last.compact(); // held as bytes: merging concatenates them anyway
    held.add(last);
    heldItems += last.itemCount();
    heldBytes += last.byteSize();
    if (sendBatchSize > 0 && heldItems >= sendBatchSize) {
      send(Trigger.SIZE);
    } else if (timeoutNanos == 0) {
      send(Trigger.TIMEOUT);
    }
  }

  @Override
  public void flush() {
    send(Trigger.IDLE);
  }

  /** Sends what is still held, so that the stages after see it while they drain. */
  @Override
  public void shutdown(Duration deadline) {
    send(Trigger.IDLE);
  }

  @Override
  public boolean mutatesData() {
    return true;
  }

  private void send(Trigger trigger) {
    if (held.isEmpty()) {
      return;
    }
    B out = held.size() == 1 ? held.get(0) : Merger.merge(type, held);
    held.clear();
    heldItems = 0;
    heldBytes = 0;
    meters.sent(out.itemCount(), trigger);
    next.consume(out);
  }

  /** The request in parts within the caps, sharing its ticket; itself if it cannot be cut. */
  private List<B> split(B batch) {
    List<Message> parts = Splitter.split(batch.message(), maxItems, maxBytes);
    if (parts.size() <= 1) {
      return List.of(batch);
    }
    Ticket ticket = batch.detachTicket();
    List<B> out = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      B part = Merger.ofMessage(type, parts.get(i));
      part.attach(i == 0 ? ticket : ticket.retain());
      out.add(part);
    }
    return out;
  }
}
