package otelgw.core.component;

import java.util.List;
import java.util.Set;
import otelgw.config.ComponentKind;
import otelgw.config.ConfigNode;
import otelgw.config.ExtensionRef;
import otelgw.config.Signal;

/**
 * Makes components of one type and owns their config: the immutable config record, its {@code
 * DEFAULT_*} values, and the reading of a YAML section into it.
 *
 * @param <C> the config record
 */
public interface Factory<C> {

  /** The type in component ids: {@code otlp} in {@code otlp/backend}. */
  String type();

  ComponentKind kind();

  Stability stability();

  /** The signals this component can be in a pipeline of; empty for extensions. */
  Set<Signal> signals();

  /**
   * Reads a section into the config record, starting from the defaults. Wrong types and values out
   * of range are reported to {@code node}'s problems with their paths, and every key the section
   * has that the record lacks is reported by calling {@link ConfigNode#finish(Set)}. Must return a
   * record even when it reports errors, so that validation finds them all in one pass.
   */
  C parseConfig(ConfigNode node);

  /**
   * The {@code host:port} endpoints a component with this config listens on, so that validation can
   * refuse two listeners on one port before anything starts. None by default.
   */
  default List<String> listenEndpoints(C config) {
    return List.of();
  }

  /**
   * The extensions a component with this config refers to, such as the authenticator of an {@code
   * auth} block, so that validation can report each one that is not defined or not listed in {@code
   * service.extensions}. None by default.
   */
  default List<ExtensionRef> extensionRefs(C config) {
    return List.of();
  }

  /**
   * A one-line summary of the config for the start-up report: endpoints and the limits in effect.
   * Never includes a secret. Empty by default.
   */
  default String summary(C config) {
    return "";
  }
}
