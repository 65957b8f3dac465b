package otelgw.core.component;

import java.util.Set;
import otelgw.config.ComponentKind;
import otelgw.config.Signal;

/**
 * Makes extensions: components outside the pipelines, such as {@code health_check}, turned on by
 * {@code service.extensions}. The graph starts them before everything else and stops them after, so
 * that they watch the whole of start-up and shutdown.
 */
public interface ExtensionFactory<C> extends Factory<C> {

  @Override
  default ComponentKind kind() {
    return ComponentKind.EXTENSION;
  }

  /** Extensions are in no pipeline. */
  @Override
  default Set<Signal> signals() {
    return Set.of();
  }

  /** An extension; not yet started. */
  Component createExtension(ExtensionSettings settings, C config);
}
