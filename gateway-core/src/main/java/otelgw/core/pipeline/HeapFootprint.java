package otelgw.core.pipeline;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * What a request's bytes take on this JVM's heap. Under G1 an array of half a region or more is
 * "humongous": it gets whole regions of its own, so a 700 KB request in a 256 MiB heap (1 MiB
 * regions) takes 1 MiB. Admission charges that, not the wire size: in the overload test, requests
 * admitted up to a 120 MiB soft limit by wire size held 198 MiB of heap.
 */
final class HeapFootprint {

  /** This JVM's G1 region size, or 0 when it runs another collector. */
  static final long REGION_SIZE = g1RegionSize();

  private HeapFootprint() {}

  /** The heap an array of {@code bytes} takes here. */
  static long of(long bytes) {
    return of(bytes, REGION_SIZE);
  }

  /** The heap an array of {@code bytes} takes with G1 regions of {@code regionSize} (0: not G1). */
  static long of(long bytes, long regionSize) {
    if (regionSize > 0 && bytes >= regionSize / 2) {
      return (bytes + regionSize - 1) / regionSize * regionSize;
    }
    return bytes;
  }

  private static long g1RegionSize() {
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotspot == null || !Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue())) {
        return 0;
      }
      return Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
    } catch (RuntimeException e) {
      return 0; // not HotSpot: charge the bytes as they are
    }
  }
}
