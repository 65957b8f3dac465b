package otelgw.core.processor.memorylimiter;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Reads how much heap is held by live data: the heap in use when the last collection, of any kind,
 * ended. Plain "heap used" counts garbage too, which on a busy gateway would read as memory
 * pressure that the next collection clears.
 *
 * <p>Why the last collection's figures and not each pool's "collection usage": under the Serial and
 * Parallel collectors the old generation's collection usage is that of the last <em>full</em>
 * collection, which may be minutes old, so data promoted since did not show at all. After a young
 * collection the old generation reads what it holds, garbage included: more than is live, which the
 * memory limiter verifies with a full collection before it refuses. Until the first collection,
 * each pool's collection usage (or current use) stands in.
 *
 * <p>A full collection the memory limiter asks for ({@link #collect}) is read as it returns: the
 * collectors' notifications arrive later, on the JVM's own thread, and until then the reading would
 * still be the young collection's before it, garbage included, which the limiter had collected to
 * see past. A notification of that collection or an earlier one, arriving after, is ignored.
 *
 * <p>One per JVM ({@link #INSTANCE}): it listens to the collectors for as long as the JVM runs.
 */
final class HeapSampler implements LongSupplier {

  static final HeapSampler INSTANCE = new HeapSampler();

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
          .toList();
  private final Set<String> heapPoolNames =
      heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  // Per collector, the number of its collections that the reading already covers.
  private final Map<String, Long> covered = new HashMap<>();
  private volatile long afterLastCollection = -1;

  private HeapSampler() {
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(this::collected, null, null);
      }
    }
  }

  /** Collects the whole heap ({@link System#gc}) and reads what it left live, at once. */
  synchronized void collect() {
    System.gc();
    for (GarbageCollectorMXBean collector : collectors) {
      covered.put(collector.getName(), collector.getCollectionCount());
    }
    afterLastCollection = collectionUsage();
  }

  @Override
  public long getAsLong() {
    long last = afterLastCollection;
    return last >= 0 ? last : collectionUsage();
  }

  private synchronized void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    // A collection's id is the count of its collector's collections, itself included.
    if (info.getGcInfo().getId() <= covered.getOrDefault(info.getGcName(), 0L)) {
      return;
    }
    Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
    long live = 0;
    for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
      if (heapPoolNames.contains(pool.getKey())) {
        live += pool.getValue().getUsed();
      }
    }
    afterLastCollection = live;
  }

  private long collectionUsage() {
    long live = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage afterGc = pool.getCollectionUsage();
      live += afterGc != null ? afterGc.getUsed() : pool.getUsage().getUsed();
    }
    return live;
  }

  /** The maximum heap this JVM may grow to. */
  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }
}
