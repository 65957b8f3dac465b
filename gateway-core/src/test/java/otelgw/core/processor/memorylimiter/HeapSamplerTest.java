package otelgw.core.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live heap as the last collection left it. */
class HeapSamplerTest {

  private static final int MIB = 1024 * 1024;

  // Held in a field, so that the collections below must keep it.
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

  /**
   * The memory limiter collects to see past the garbage a young collection leaves in the old
   * generation, and reads the heap right after: the collection's notification has not arrived yet,
   * so the reading must not wait for it.
   */
  @Test
  void aCollectionItAsksForIsReadAsItReturns() throws Exception {
    HeapSampler sampler = HeapSampler.INSTANCE;
    held = new byte[64 * MIB];
    sampler.collect();
    long withArray = sampler.getAsLong();
    assertThat(withArray).isGreaterThanOrEqualTo(64L * MIB);

    held = null;
    sampler.collect();
    assertThat(sampler.getAsLong()).isLessThanOrEqualTo(withArray - 48L * MIB);

    Thread.sleep(500); // the notifications of both collections arrive and change nothing
    assertThat(sampler.getAsLong()).isLessThanOrEqualTo(withArray - 48L * MIB);
  }

  /**
   * Under the parallel collector (bin/otelgw's) the old generation's "collection usage" is that of
   * the last full collection. An array that went to the old generation since must still count once
   * a young collection has run: otherwise the memory limiter is blind to it.
   */
  @Test
  void underTheParallelCollectorOldDataCountsAfterAYoungCollection() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-XX:+UseParallelGC",
                    "-Xmx256m",
                    "-Xmn32m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    YoungCollectionProbe.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(out).isZero();

    long liveMib = Long.parseLong(out.strip().lines().reduce((a, b) -> b).orElseThrow());
    assertThat(liveMib).as(out).isGreaterThanOrEqualTo(64);
  }

  /**
   * Puts a 64 MiB array straight into the old generation (it does not fit a 32 MiB young one),
   * makes garbage until a young collection has run, and prints the reading in MiB.
   */
  static final class YoungCollectionProbe {
    static byte[] held;

    public static void main(String[] args) throws Exception {
      HeapSampler sampler = HeapSampler.INSTANCE;
      long collections = collections();
      held = new byte[64 * MIB];
      long garbage = 0;
      while (collections() == collections) {
        garbage += new byte[64 * 1024].length;
      }
      Thread.sleep(500); // the notification is delivered on the JVM's own thread
      System.out.println(garbage > 0 ? sampler.getAsLong() / MIB : -1);
    }

    private static long collections() {
      long total = 0;
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        total += collector.getCollectionCount();
      }
      return total;
    }
  }
}
