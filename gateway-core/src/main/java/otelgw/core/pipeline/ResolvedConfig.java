package otelgw.core.pipeline;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.config.ConfigException;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.DidYouMean;
import otelgw.config.ExtensionRef;
import otelgw.config.GatewayConfig;
import otelgw.config.PipelineConfig;
import otelgw.config.Signal;
import otelgw.core.component.Factories;
import otelgw.core.component.Factory;

/**
 * A config checked against the component types this build has: every used component's factory
 * found, its signals supported, and its section read into its config record. This is what {@code
 * validate} runs; the graph is built from it.
 */
public final class ResolvedConfig {

  private final GatewayConfig config;
  private final Map<ComponentKind, Map<ComponentId, Resolved>> components;

  private ResolvedConfig(
      GatewayConfig config, Map<ComponentKind, Map<ComponentId, Resolved>> components) {
    this.config = config;
    this.components = components;
  }

  /**
   * Resolves every component the config uses (and reads the sections of those it defines but does
   * not use, so their mistakes are reported too).
   *
   * @throws ConfigException listing every error, structural ones from loading included
   */
  public static ResolvedConfig resolve(GatewayConfig config, Factories factories)
      throws ConfigException {
    ConfigProblems problems = config.problems();
    Map<ComponentKind, Map<ComponentId, Resolved>> components = new EnumMap<>(ComponentKind.class);
    for (ComponentKind kind : ComponentKind.values()) {
      Map<ComponentId, Resolved> resolved = new LinkedHashMap<>();
      config
          .components(kind)
          .forEach(
              (id, node) ->
                  resolveOne(kind, id, node, factories, problems)
                      .ifPresent(r -> resolved.put(id, r)));
      components.put(kind, resolved);
    }
    for (PipelineConfig pipeline : config.pipelines()) {
      checkSignal(pipeline, ComponentKind.RECEIVER, pipeline.receivers(), components, problems);
      checkSignal(pipeline, ComponentKind.PROCESSOR, pipeline.processors(), components, problems);
      checkSignal(pipeline, ComponentKind.EXPORTER, pipeline.exporters(), components, problems);
    }
    checkEndpoints(config, components, problems);
    checkExtensionRefs(config, components, problems);
    problems.throwIfErrors();
    return new ResolvedConfig(config, components);
  }

  public GatewayConfig config() {
    return config;
  }

  /** The factory and config record of a component the config defines. */
  public Resolved component(ComponentKind kind, ComponentId id) {
    Resolved resolved = components.get(kind).get(id);
    if (resolved == null) {
      throw new IllegalArgumentException(kind.word() + " '" + id + "' is not defined");
    }
    return resolved;
  }

  /** A component's factory and its config record. */
  public record Resolved(Factory<?> factory, Object config) {

    /** The endpoints the component listens on. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<String> listenEndpoints() {
      return ((Factory) factory).listenEndpoints(config);
    }

    /** The extensions the component's config refers to. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<ExtensionRef> extensionRefs() {
      return ((Factory) factory).extensionRefs(config);
    }

    /** The factory's one-line summary of the config, without secrets. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String summary() {
      return ((Factory) factory).summary(config);
    }
  }

  /** The summary of a component, for the start-up report. */
  public String summary(ComponentKind kind, ComponentId id) {
    Resolved resolved = components.get(kind).get(id);
    return resolved == null ? "" : resolved.summary();
  }

  /** Two components of the running set (or the metrics endpoint) may not share a port. */
  private static void checkEndpoints(
      GatewayConfig config,
      Map<ComponentKind, Map<ComponentId, Resolved>> components,
      ConfigProblems problems) {
    Map<String, String> owners = new LinkedHashMap<>();
    config
        .telemetry()
        .metricsAddress()
        .ifPresent(a -> owners.put(portKey(a), "service.telemetry.metrics"));
    forEachUsed(
        config,
        components,
        (kind, id, resolved) -> {
          for (String endpoint : resolved.listenEndpoints()) {
            String owner = kind.section() + "." + id;
            String previous = owners.putIfAbsent(portKey(endpoint), owner);
            if (previous != null && !endpoint.endsWith(":0")) {
              problems.error(
                  owner,
                  0,
                  "endpoint "
                      + endpoint
                      + " is already used by "
                      + previous
                      + ": two listeners cannot share a port");
            }
          }
        });
  }

  /**
   * An extension a running component refers to (an {@code auth} block's authenticator) must be
   * defined and listed in {@code service.extensions}: otherwise it would not be running.
   */
  private static void checkExtensionRefs(
      GatewayConfig config,
      Map<ComponentKind, Map<ComponentId, Resolved>> components,
      ConfigProblems problems) {
    Set<ComponentId> defined = config.components(ComponentKind.EXTENSION).keySet();
    List<ComponentId> enabled = config.serviceExtensions();
    forEachUsed(
        config,
        components,
        (kind, id, resolved) -> {
          for (ExtensionRef ref : resolved.extensionRefs()) {
            if (!defined.contains(ref.id())) {
              List<String> known = defined.stream().map(ComponentId::toString).toList();
              problems.error(
                  ref.path(),
                  ref.line(),
                  "extension '"
                      + ref.id()
                      + "' is not defined under 'extensions'"
                      + DidYouMean.closest(ref.id().toString(), known)
                          .map(near -> " (did you mean '" + near + "'?)")
                          .orElse(""));
            } else if (!enabled.contains(ref.id())) {
              problems.error(
                  ref.path(),
                  ref.line(),
                  "extension '"
                      + ref.id()
                      + "' must be listed in service.extensions to be used here");
            }
          }
        });
  }

  /** What a check of the running set looks at: one component some pipeline or the service uses. */
  @FunctionalInterface
  private interface UsedComponent {
    void check(ComponentKind kind, ComponentId id, Resolved resolved);
  }

  /** Runs {@code check} on every resolved component that is in use; unused ones do not run. */
  private static void forEachUsed(
      GatewayConfig config,
      Map<ComponentKind, Map<ComponentId, Resolved>> components,
      UsedComponent check) {
    for (ComponentKind kind : ComponentKind.values()) {
      Set<ComponentId> used = config.used(kind);
      components
          .get(kind)
          .forEach(
              (id, resolved) -> {
                if (used.contains(id)) {
                  check.check(kind, id, resolved);
                }
              });
    }
  }

  /** Listeners clash on the port whatever host each names: 0.0.0.0 covers 127.0.0.1. */
  private static String portKey(String endpoint) {
    int colon = endpoint.lastIndexOf(':');
    return colon < 0 ? endpoint : endpoint.substring(colon + 1);
  }

  private static Optional<Resolved> resolveOne(
      ComponentKind kind,
      ComponentId id,
      ConfigNode node,
      Factories factories,
      ConfigProblems problems) {
    Optional<Factory<?>> factory = factories.find(kind, id.type());
    if (factory.isEmpty()) {
      List<String> known = factories.all(kind).stream().map(Factory::type).toList();
      problems.error(
          node.path(),
          node.line(),
          "unknown "
              + kind.word()
              + " type '"
              + id.type()
              + "'"
              + DidYouMean.closest(id.type(), known)
                  .map(t -> " (did you mean '" + t + "'?)")
                  .orElse("")
              + "; known types: "
              + String.join(", ", known));
      return Optional.empty();
    }
    return Optional.of(new Resolved(factory.get(), factory.get().parseConfig(node)));
  }

  private static void checkSignal(
      PipelineConfig pipeline,
      ComponentKind kind,
      List<ComponentId> ids,
      Map<ComponentKind, Map<ComponentId, Resolved>> components,
      ConfigProblems problems) {
    Signal signal = pipeline.id().signal();
    for (ComponentId id : ids) {
      Resolved resolved = components.get(kind).get(id);
      if (resolved != null && !resolved.factory().signals().contains(signal)) {
        problems.error(
            "service.pipelines." + pipeline.id() + "." + kind.section(),
            0,
            kind.word() + " '" + id + "' does not support " + signal.configName());
      }
    }
  }
}
