package otelgw.core.component;

import otelgw.config.ComponentKind;

/** Makes receivers. One receiver serves every pipeline that names it. */
public interface ReceiverFactory<C> extends Factory<C> {

  @Override
  default ComponentKind kind() {
    return ComponentKind.RECEIVER;
  }

  /** A receiver that hands what it receives to {@code settings.ingresses()}; not yet started. */
  Component createReceiver(ReceiverSettings settings, C config);
}
