package otelgw.core.exporterhelper;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import otelgw.config.Signal;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.GatewayException;

/** Test doubles for the exporter helper: a clock, a sleeper that advances it, scripted senders. */
final class Fakes {

  private Fakes() {}

  /** A nano clock that moves only when told. */
  static final class Clock {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    long now() {
      return nanos.get();
    }
  }

  /** Records each wait and advances the clock by it, at once. */
  static final class RecordingSleeper implements Sleeper {
    final Clock clock;
    final List<Duration> sleeps = new ArrayList<>();

    RecordingSleeper(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      clock.nanos.addAndGet(duration.toNanos());
    }

    Duration total() {
      return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
  }

  /** One scripted answer: a result, or a failure to throw. */
  sealed interface Outcome permits Ok, Fail {}

  record Ok(PartialSuccess result) implements Outcome {}

  record Fail(Exception error) implements Outcome {}

  /** Answers from a script, then with success; counts attempts. Single-threaded tests only. */
  static final class ScriptedSender implements Sender<TraceBatch> {
    private final Deque<Outcome> script = new ArrayDeque<>();
    int attempts;

    ScriptedSender then(Outcome outcome) {
      script.add(outcome);
      return this;
    }

    ScriptedSender failing(int times, Exception error) {
      for (int i = 0; i < times; i++) {
        script.add(new Fail(error));
      }
      return this;
    }

    @Override
    public PartialSuccess send(TraceBatch batch) throws GatewayException {
      attempts++;
      Outcome outcome = script.isEmpty() ? new Ok(PartialSuccess.NONE) : script.poll();
      if (outcome instanceof Fail fail) {
        if (fail.error() instanceof GatewayException e) {
          throw e;
        }
        throw (RuntimeException) fail.error();
      }
      return ((Ok) outcome).result();
    }
  }

  static double count(MeterRegistry meters, String name, String... tags) {
    var counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  static double dropped(MeterRegistry meters, String reason) {
    return count(
        meters, otelgw.core.telemetry.MetricNames.dropped(Signal.TRACES), "reason", reason);
  }
}
