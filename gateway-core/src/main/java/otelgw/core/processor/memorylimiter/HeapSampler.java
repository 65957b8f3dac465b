package otelgw.core.processor.memorylimiter;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads how much heap is held by live data: each heap pool's use after its last collection (its
 * current use where the JVM does not say). Plain "heap used" counts garbage too, which on a busy
 * gateway would read as memory pressure that the next collection clears.
 */
final class HeapSampler implements LongSupplier {

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
          .toList();

  @Override
  public long getAsLong() {
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
