package otelgw.benchmarks.pipeline;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import otelgw.config.ConfigNode;
import otelgw.config.Signal;
import otelgw.core.component.Component;
import otelgw.core.component.ReceiverFactory;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.component.Stability;
import otelgw.core.pipeline.Ingresses;

/** A {@code bench} receiver: no server, it only hands its ingresses to the benchmark. */
final class CaptureReceiverFactory implements ReceiverFactory<CaptureReceiverFactory.NoConfig> {

  /** The receiver has nothing to configure. */
  record NoConfig() {}

  private final AtomicReference<Ingresses> captured;

  CaptureReceiverFactory(AtomicReference<Ingresses> captured) {
    this.captured = captured;
  }

  @Override
  public String type() {
    return "bench";
  }

  @Override
  public Stability stability() {
    return Stability.DEVELOPMENT;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  @Override
  public NoConfig parseConfig(ConfigNode node) {
    node.finish(Set.of());
    return new NoConfig();
  }

  @Override
  public Component createReceiver(ReceiverSettings settings, NoConfig config) {
    captured.set(settings.ingresses());
    return new Component() {};
  }
}
