package otelgw.core.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Component;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Factories;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.ReceiverFactory;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.component.Stability;
import otelgw.core.consumer.BatchConsumer;

/**
 * Small real components for graph tests, sharing one record of lifecycle calls:
 *
 * <ul>
 *   <li>receiver {@code test}: keeps the {@link Ingresses} it is given, so a test can publish;
 *   <li>processor {@code attributes} (traces only, mutates): sets the resource attribute {@code
 *       key} to {@code value};
 *   <li>processor {@code drop_odd}: passes the 1st, 3rd, 5th... batch and drops the others;
 *   <li>processor {@code fail}: throws on a batch of exactly 13 items;
 *   <li>processor {@code hold}: holds every batch and sends them on only when shut down, as a
 *       batching processor flushes at shutdown;
 *   <li>exporter {@code sink}: keeps every batch; with {@code block: true} each consume first waits
 *       for {@link #gate} to open. What reaches it after its shutdown is kept apart, as lost.
 * </ul>
 */
final class TestComponents {

  final List<String> lifecycle = new CopyOnWriteArrayList<>();
  final Map<ComponentId, Ingresses> ingresses = new ConcurrentHashMap<>();
  final Map<ComponentId, Sink> sinks = new ConcurrentHashMap<>();
  final CountDownLatch gate = new CountDownLatch(1);

  Factories factories() {
    return Factories.of(
        List.of(
            new ReceiverType(),
            new AttributesType(),
            new DropOddType(),
            new FailType(),
            new HoldType(),
            new SinkType()));
  }

  Sink sink(String id) {
    return sinks.get(ComponentId.parse(id));
  }

  /** The traces ingress of receiver {@code test}, counted under transport {@code grpc}. */
  otelgw.core.pipeline.Ingress<TraceBatch> traces() {
    return ingresses.get(ComponentId.parse("test")).of(BatchType.TRACES, "grpc").orElseThrow();
  }

  private abstract class Base<C> {
    public Stability stability() {
      return Stability.DEVELOPMENT;
    }

    public Set<Signal> signals() {
      return Set.of(Signal.values());
    }
  }

  /** A component that records its lifecycle calls. */
  private class Recorded implements Component {
    final String name;

    Recorded(String name) {
      this.name = name;
    }

    @Override
    public void start() {
      lifecycle.add("start " + name);
    }

    @Override
    public void shutdown(Duration deadline) {
      lifecycle.add("shutdown " + name);
    }
  }

  record NoConfig() {}

  private final class ReceiverType extends Base<NoConfig> implements ReceiverFactory<NoConfig> {
    @Override
    public String type() {
      return "test";
    }

    @Override
    public NoConfig parseConfig(ConfigNode node) {
      node.finish(Set.of());
      return new NoConfig();
    }

    @Override
    public Component createReceiver(ReceiverSettings settings, NoConfig config) {
      ingresses.put(settings.id(), settings.ingresses());
      return new Recorded("receiver " + settings.id());
    }
  }

  record AttributesConfig(String key, String value) {}

  private final class AttributesType extends Base<AttributesConfig>
      implements ProcessorFactory<AttributesConfig> {
    @Override
    public String type() {
      return "attributes";
    }

    @Override
    public Set<Signal> signals() {
      return Set.of(Signal.TRACES);
    }

    @Override
    public AttributesConfig parseConfig(ConfigNode node) {
      AttributesConfig config =
          new AttributesConfig(node.string("key", "marked"), node.string("value", "yes"));
      node.finish(Set.of("key", "value"));
      return config;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <B extends Batch<?>> Processor<B> createProcessor(
        ProcessorSettings<B> settings, AttributesConfig config, BatchConsumer<B> next) {
      String name = "processor " + settings.id() + "@" + settings.pipeline();
      return new StageProcessor<>(name, next, true) {
        @Override
        public void consume(B batch) {
          TraceBatch traces = (TraceBatch) batch;
          traces.update(
              TestBatches.withResourceAttribute(traces.message(), config.key(), config.value()));
          next.consume(batch);
        }
      };
    }
  }

  private final class DropOddType extends Base<NoConfig> implements ProcessorFactory<NoConfig> {
    @Override
    public String type() {
      return "drop_odd";
    }

    @Override
    public NoConfig parseConfig(ConfigNode node) {
      node.finish(Set.of());
      return new NoConfig();
    }

    @Override
    public <B extends Batch<?>> Processor<B> createProcessor(
        ProcessorSettings<B> settings, NoConfig config, BatchConsumer<B> next) {
      String name = "processor " + settings.id() + "@" + settings.pipeline();
      return new StageProcessor<>(name, next, false) {
        private long seen;

        @Override
        public void consume(B batch) {
          if (seen++ % 2 == 0) {
            next.consume(batch);
          } else {
            batch.release();
          }
        }
      };
    }
  }

  private final class FailType extends Base<NoConfig> implements ProcessorFactory<NoConfig> {
    @Override
    public String type() {
      return "fail";
    }

    @Override
    public NoConfig parseConfig(ConfigNode node) {
      node.finish(Set.of());
      return new NoConfig();
    }

    @Override
    public <B extends Batch<?>> Processor<B> createProcessor(
        ProcessorSettings<B> settings, NoConfig config, BatchConsumer<B> next) {
      String name = "processor " + settings.id() + "@" + settings.pipeline();
      return new StageProcessor<>(name, next, false) {
        @Override
        public void consume(B batch) {
          if (batch.itemCount() == 13) {
            throw new IllegalStateException("unlucky batch");
          }
          next.consume(batch);
        }
      };
    }
  }

  private final class HoldType extends Base<NoConfig> implements ProcessorFactory<NoConfig> {
    @Override
    public String type() {
      return "hold";
    }

    @Override
    public NoConfig parseConfig(ConfigNode node) {
      node.finish(Set.of());
      return new NoConfig();
    }

    @Override
    public <B extends Batch<?>> Processor<B> createProcessor(
        ProcessorSettings<B> settings, NoConfig config, BatchConsumer<B> next) {
      String name = "processor " + settings.id() + "@" + settings.pipeline();
      return new StageProcessor<>(name, next, false) {
        private final List<B> held = new java.util.ArrayList<>();

        @Override
        public void consume(B batch) {
          held.add(batch);
        }

        @Override
        public void shutdown(Duration deadline) {
          super.shutdown(deadline);
          held.forEach(next::consume);
          held.clear();
        }
      };
    }
  }

  /** A processor that records its lifecycle; subclasses say what {@code consume} does. */
  private abstract class StageProcessor<B extends Batch<?>> extends Recorded
      implements Processor<B> {
    final BatchConsumer<B> next;
    private final boolean mutates;

    StageProcessor(String name, BatchConsumer<B> next, boolean mutates) {
      super(name);
      this.next = next;
      this.mutates = mutates;
    }

    @Override
    public boolean mutatesData() {
      return mutates;
    }
  }

  record SinkConfig(boolean block) {}

  private final class SinkType extends Base<SinkConfig> implements ExporterFactory<SinkConfig> {
    @Override
    public String type() {
      return "sink";
    }

    @Override
    public SinkConfig parseConfig(ConfigNode node) {
      SinkConfig config = new SinkConfig(node.bool("block", false));
      node.finish(Set.of("block"));
      return config;
    }

    @Override
    public Exporter createExporter(ExporterSettings settings, SinkConfig config) {
      Sink sink = new Sink("exporter " + settings.id(), config.block());
      sinks.put(settings.id(), sink);
      return sink;
    }
  }

  /** Keeps what it is given, in a thread-safe list; one consumer for every signal. */
  final class Sink extends Recorded implements Exporter {
    final List<Batch<?>> received = new CopyOnWriteArrayList<>();
    final List<Batch<?>> afterShutdown = new CopyOnWriteArrayList<>();
    private volatile boolean shutDown;
    private final boolean block;
    private final BatchConsumer<Batch<?>> consumer =
        new BatchConsumer<>() {
          @Override
          public void consume(Batch<?> batch) {
            if (block) {
              try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("the test never opened the gate");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            (shutDown ? afterShutdown : received).add(batch);
            batch.release();
          }
        };

    Sink(String name, boolean block) {
      super(name);
      this.block = block;
    }

    @Override
    public void shutdown(Duration deadline) {
      super.shutdown(deadline);
      shutDown = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <B extends Batch<?>> BatchConsumer<B> consumer(BatchType<?, B> type) {
      return (BatchConsumer<B>) (BatchConsumer<?>) consumer;
    }

    List<Integer> itemCounts() {
      return received.stream().map(Batch::itemCount).toList();
    }
  }
}
