package otelgw.core.component;

import java.util.Map;
import otelgw.config.ComponentId;

/**
 * The extensions of a running gateway, by id, for receivers and exporters that use one (an {@code
 * auth} block's authenticator). Extensions are created before the components that use them and
 * started before them. Immutable.
 */
public final class Extensions {

  private static final Extensions NONE = new Extensions(Map.of());

  private final Map<ComponentId, Component> byId;

  private Extensions(Map<ComponentId, Component> byId) {
    this.byId = Map.copyOf(byId);
  }

  public static Extensions of(Map<ComponentId, Component> byId) {
    return new Extensions(byId);
  }

  /** No extensions, for components made outside a gateway (tests). */
  public static Extensions none() {
    return NONE;
  }

  /**
   * The extension {@code id}, as a {@code type}.
   *
   * @param user who uses it, for the message: {@code receiver otlp}
   * @throws IllegalArgumentException if it is not running in this gateway or is not a {@code type};
   *     validation has ruled out the first for a config, not the second
   */
  public <T> T get(ComponentId id, Class<T> type, String user) {
    Component extension = byId.get(id);
    if (extension == null) {
      throw new IllegalArgumentException(
          user + ": extension '" + id + "' is not enabled; list it in service.extensions");
    }
    if (!type.isInstance(extension)) {
      throw new IllegalArgumentException(
          user
              + ": extension '"
              + id
              + "' cannot be used as an authenticator here (it is not a "
              + type.getSimpleName()
              + ")");
    }
    return type.cast(extension);
  }
}
