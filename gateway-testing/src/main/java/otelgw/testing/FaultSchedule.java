package otelgw.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which fault, if any, the next request meets: first the one-shot faults queued by {@link
 * #failNext}, in order, then the standing fault. Shared by every signal and transport, so "the next
 * request" means the next to arrive at the backend.
 */
final class FaultSchedule {

  private static final class Queued {
    final Fault fault;
    int remaining;

    Queued(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final Deque<Queued> queued = new ArrayDeque<>();
  private Fault standing;

  synchronized void failNext(int requests, Fault fault) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative: " + requests);
    }
    Objects.requireNonNull(fault, "fault");
    if (requests > 0) {
      queued.addLast(new Queued(fault, requests));
    }
  }

  synchronized void setStanding(Fault fault) {
    standing = Objects.requireNonNull(fault, "fault");
  }

  synchronized void clear() {
    queued.clear();
    standing = null;
  }

  /** Takes the fault for one arriving request. */
  synchronized Optional<Fault> next() {
    Queued head = queued.peekFirst();
    if (head == null) {
      return Optional.ofNullable(standing);
    }
    if (--head.remaining == 0) {
      queued.removeFirst();
    }
    return Optional.of(head.fault);
  }
}
