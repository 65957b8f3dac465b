package otelgw.core.processor.memorylimiter;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live heap as the last collection left it, on whatever collector runs the tests. */
class HeapSamplerTest {

  private static final int MIB = 1024 * 1024;

  // Held in a field, so that the collection below must keep it.
  private byte[] held;

  @Test
  void readsWhatTheLastCollectionLeftLive() {
    HeapSampler sampler = HeapSampler.INSTANCE;
    held = new byte[64 * MIB];
    System.gc();
    // Notifications arrive on the JVM's own thread, a moment after the collection.
    await().atMost(Duration.ofSeconds(10)).until(() -> sampler.getAsLong() >= 64L * MIB);
    long withArray = sampler.getAsLong();

    held = null;
    System.gc();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> sampler.getAsLong() <= withArray - 48L * MIB);
  }
}
