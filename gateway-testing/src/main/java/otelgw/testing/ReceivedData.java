package otelgw.testing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the backend has seen, per signal: accepted requests, their item total, failed-request count
 * and the headers of the latest arrival. Writers lock per signal; counts are atomics so tests can
 * poll them cheaply, and lists are returned as snapshots.
 */
final class ReceivedData {

  private static final class PerSignal {
    // Guarded by this; a list rather than copy-on-write so load tests stay linear.
    private final List<ReceivedRequest> accepted = new ArrayList<>();
    private final AtomicLong items = new AtomicLong();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile Map<String, List<String>> lastHeaders = Map.of();

    synchronized void accept(ReceivedRequest request, long itemCount) {
      accepted.add(request);
      items.addAndGet(itemCount);
    }

    synchronized List<ReceivedRequest> snapshot() {
      return List.copyOf(accepted);
    }

    synchronized int size() {
      return accepted.size();
    }

    synchronized void clear() {
      accepted.clear();
      items.set(0);
      failed.set(0);
      lastHeaders = Map.of();
    }
  }

  private final Map<OtlpSignal, PerSignal> bySignal = new EnumMap<>(OtlpSignal.class);

  ReceivedData() {
    for (OtlpSignal signal : OtlpSignal.values()) {
      bySignal.put(signal, new PerSignal());
    }
  }

  void arrived(OtlpSignal signal, Map<String, List<String>> headers) {
    bySignal.get(signal).lastHeaders = headers;
  }

  void accepted(ReceivedRequest request) {
    bySignal.get(request.signal()).accept(request, OtlpMessages.itemCount(request.message()));
  }

  void failed(OtlpSignal signal) {
    bySignal.get(signal).failed.incrementAndGet();
  }

  List<ReceivedRequest> requests(OtlpSignal signal) {
    return bySignal.get(signal).snapshot();
  }

  int requestCount(OtlpSignal signal) {
    return bySignal.get(signal).size();
  }

  long itemCount(OtlpSignal signal) {
    return bySignal.get(signal).items.get();
  }

  int failedCount(OtlpSignal signal) {
    return bySignal.get(signal).failed.get();
  }

  Map<String, List<String>> lastHeaders(OtlpSignal signal) {
    return bySignal.get(signal).lastHeaders;
  }

  void clear() {
    bySignal.values().forEach(PerSignal::clear);
  }
}
