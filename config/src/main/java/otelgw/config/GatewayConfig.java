package otelgw.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole config after loading: each component's section keyed by its id, still unread (its factory
 * reads it into a record), and the service section fully typed.
 *
 * <p>Built by {@link ConfigLoader}, which has already checked the structure: every id well formed,
 * every component a pipeline names defined, every pipeline with a receiver and an exporter.
 */
public final class GatewayConfig {

  private final Map<ComponentKind, Map<ComponentId, ConfigNode>> components;
  private final List<PipelineConfig> pipelines;
  private final List<ComponentId> serviceExtensions;
  private final TelemetrySettings telemetry;
  private final ConfigProblems problems;
  private final EffectiveYaml effective;

  GatewayConfig(
      Map<ComponentKind, Map<ComponentId, ConfigNode>> components,
      List<PipelineConfig> pipelines,
      List<ComponentId> serviceExtensions,
      TelemetrySettings telemetry,
      ConfigProblems problems,
      EffectiveYaml effective) {
    this.components = components;
    this.pipelines = List.copyOf(pipelines);
    this.serviceExtensions = List.copyOf(serviceExtensions);
    this.telemetry = telemetry;
    this.problems = problems;
    this.effective = effective;
  }

  /** The sections of every defined component of one kind, in file order. */
  public Map<ComponentId, ConfigNode> components(ComponentKind kind) {
    return Collections.unmodifiableMap(components.getOrDefault(kind, Map.of()));
  }

  public List<PipelineConfig> pipelines() {
    return pipelines;
  }

  /** The extensions {@code service.extensions} turns on. */
  public List<ComponentId> serviceExtensions() {
    return serviceExtensions;
  }

  public TelemetrySettings telemetry() {
    return telemetry;
  }

  /**
   * The problems of this load. Factories add theirs while reading their sections; the loader has
   * already added the structural ones.
   */
  public ConfigProblems problems() {
    return problems;
  }

  /** The merged, expanded config as YAML, with secret values masked. */
  public String toMaskedYaml() {
    return effective.toMaskedYaml();
  }

  /** The components of one kind that some pipeline (or {@code service.extensions}) uses. */
  public Set<ComponentId> used(ComponentKind kind) {
    Set<ComponentId> used = new LinkedHashSet<>();
    for (PipelineConfig pipeline : pipelines) {
      switch (kind) {
        case RECEIVER -> used.addAll(pipeline.receivers());
        case PROCESSOR -> used.addAll(pipeline.processors());
        case EXPORTER -> used.addAll(pipeline.exporters());
        case EXTENSION -> used.addAll(serviceExtensions);
      }
    }
    return used;
  }

  /** The signals of the pipelines that use a component. */
  public Set<Signal> signalsOf(ComponentKind kind, ComponentId id) {
    Set<Signal> signals = new LinkedHashSet<>();
    for (PipelineConfig pipeline : pipelines) {
      List<ComponentId> ids =
          switch (kind) {
            case RECEIVER -> pipeline.receivers();
            case PROCESSOR -> pipeline.processors();
            case EXPORTER -> pipeline.exporters();
            case EXTENSION -> List.of();
          };
      if (ids.contains(id)) {
        signals.add(pipeline.id().signal());
      }
    }
    return signals;
  }

  static Map<ComponentKind, Map<ComponentId, ConfigNode>> emptyComponents() {
    Map<ComponentKind, Map<ComponentId, ConfigNode>> map = new EnumMap<>(ComponentKind.class);
    for (ComponentKind kind : ComponentKind.values()) {
      map.put(kind, new LinkedHashMap<>());
    }
    return map;
  }

  static List<ComponentId> copy(List<ComponentId> ids) {
    return new ArrayList<>(ids);
  }
}
