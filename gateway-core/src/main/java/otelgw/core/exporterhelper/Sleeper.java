package otelgw.core.exporterhelper;

import java.time.Duration;

/** Waits between attempts; a test gives one that only advances a fake clock. */
@FunctionalInterface
interface Sleeper {

  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

  void sleep(Duration duration) throws InterruptedException;
}
