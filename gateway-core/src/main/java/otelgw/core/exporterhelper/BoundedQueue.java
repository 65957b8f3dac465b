package otelgw.core.exporterhelper;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A blocking FIFO bounded by weight: requests count one each, items or bytes by their size. An
 * element heavier than the whole capacity is let in when the queue is empty, so it can never wait
 * forever. After {@link #close()} nothing more is let in and takers empty what is left.
 */
final class BoundedQueue<T> {

  private final long capacity;
  private final ToLongFunction<T> weigher;
  private final ArrayDeque<T> elements = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private long weight;
  private boolean closed;

  BoundedQueue(long capacity, ToLongFunction<T> weigher) {
    this.capacity = capacity;
    this.weigher = weigher;
  }

  /**
   * Adds {@code element}, waiting for room when {@code block} is set.
   *
   * @return false if there was no room and {@code block} was not set, or if the queue is closed
   */
  boolean offer(T element, boolean block) throws InterruptedException {
    long w = weigher.applyAsLong(element);
    lock.lockInterruptibly();
    try {
      while (!closed && !fits(w)) {
        if (!block) {
          return false;
        }
        notFull.await();
      }
      if (closed) {
        return false;
      }
      elements.addLast(element);
      weight += w;
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The oldest element, waiting for one; null once the queue is closed and empty. */
  T take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (elements.isEmpty()) {
        if (closed) {
          return null;
        }
        notEmpty.await(100, TimeUnit.MILLISECONDS);
      }
      T element = elements.removeFirst();
      weight -= weigher.applyAsLong(element);
      notFull.signalAll();
      return element;
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns one element without waiting; null if empty. */
  T poll() {
    return pollIf(element -> true);
  }

  /** Removes and returns the oldest element if {@code wanted} accepts it, without waiting. */
  T pollIf(Predicate<T> wanted) {
    lock.lock();
    try {
      T element = elements.peekFirst();
      if (element == null || !wanted.test(element)) {
        return null;
      }
      elements.removeFirst();
      weight -= weigher.applyAsLong(element);
      notFull.signalAll();
      return element;
    } finally {
      lock.unlock();
    }
  }

  /** Lets nothing more in and wakes every waiter. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notFull.signalAll();
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** The current weight, in the sizer's unit. */
  long size() {
    lock.lock();
    try {
      return weight;
    } finally {
      lock.unlock();
    }
  }

  long capacity() {
    return capacity;
  }

  private boolean fits(long w) {
    return elements.isEmpty() || weight + w <= capacity;
  }
}
