package otelgw.core.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import otelgw.config.ComponentKind;

/** The component types a build of otelgw has, by kind and type name. */
public final class Factories {

  private final Map<ComponentKind, Map<String, Factory<?>>> byKind =
      new EnumMap<>(ComponentKind.class);

  private Factories(Collection<? extends Factory<?>> factories) {
    for (ComponentKind kind : ComponentKind.values()) {
      byKind.put(kind, new TreeMap<>());
    }
    for (Factory<?> factory : factories) {
      Factory<?> previous = byKind.get(factory.kind()).put(factory.type(), factory);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two " + factory.kind().word() + " factories for type '" + factory.type() + "'");
      }
    }
  }

  public static Factories of(Collection<? extends Factory<?>> factories) {
    return new Factories(factories);
  }

  public Optional<Factory<?>> find(ComponentKind kind, String type) {
    return Optional.ofNullable(byKind.get(kind).get(type));
  }

  /** Every factory of one kind, sorted by type. */
  public List<Factory<?>> all(ComponentKind kind) {
    return new ArrayList<>(byKind.get(kind).values());
  }
}
