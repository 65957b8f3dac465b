package otelgw.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the top level of a config: the component sections by id and the service section. */
final class StructureReader {

  private static final Set<String> PIPELINE_KEYS = Set.of("receivers", "processors", "exporters");

  private final ConfigNode root;
  private final ConfigProblems problems;

  StructureReader(ConfigNode root, ConfigProblems problems) {
    this.root = root;
    this.problems = problems;
  }

  GatewayConfig read(EffectiveYaml effective) {
    Map<ComponentKind, Map<ComponentId, ConfigNode>> components = GatewayConfig.emptyComponents();
    for (ComponentKind kind : ComponentKind.values()) {
      root.section(kind.section())
          .ifPresent(section -> readComponents(section, components.get(kind)));
    }
    if (root.has("connectors")) {
      root.section("connectors");
      root.error("connectors", "connectors are not supported by otelgw yet");
    }
    ConfigNode service = root.sectionOrEmpty("service");
    List<ComponentId> extensions = ids(service, "extensions");
    List<PipelineConfig> pipelines = readPipelines(service.sectionOrEmpty("pipelines"));
    TelemetrySettings telemetry = TelemetrySettings.parse(service.sectionOrEmpty("telemetry"));
    service.finish(Set.of("extensions", "pipelines", "telemetry"));
    root.finish(ConfigLoader.topLevelKeys());

    if (pipelines.isEmpty()) {
      problems.error(
          "service.pipelines", service.line(), "no pipeline is defined: add at least one");
    }
    GatewayConfig config =
        new GatewayConfig(components, pipelines, extensions, telemetry, problems, effective);
    checkReferences(config);
    return config;
  }

  private void readComponents(ConfigNode section, Map<ComponentId, ConfigNode> into) {
    for (String key : section.keys()) {
      try {
        ComponentId id = ComponentId.parse(key);
        into.put(id, section.sectionOrEmpty(key));
      } catch (IllegalArgumentException e) {
        section.section(key);
        section.error(key, e.getMessage());
      }
    }
  }

  private List<PipelineConfig> readPipelines(ConfigNode pipelines) {
    List<PipelineConfig> result = new ArrayList<>();
    for (String key : pipelines.keys()) {
      PipelineId id;
      try {
        id = PipelineId.parse(key);
      } catch (IllegalArgumentException e) {
        pipelines.section(key);
        pipelines.error(key, e.getMessage());
        continue;
      }
      ConfigNode pipeline = pipelines.sectionOrEmpty(key);
      List<ComponentId> receivers = ids(pipeline, "receivers");
      List<ComponentId> processors = ids(pipeline, "processors");
      List<ComponentId> exporters = ids(pipeline, "exporters");
      pipeline.check(!receivers.isEmpty(), "receivers", "a pipeline needs at least one receiver");
      pipeline.check(!exporters.isEmpty(), "exporters", "a pipeline needs at least one exporter");
      pipeline.finish(PIPELINE_KEYS);
      result.add(new PipelineConfig(id, receivers, processors, exporters));
    }
    return result;
  }

  /** A list of component ids; each malformed or repeated one is an error. */
  private static List<ComponentId> ids(ConfigNode node, String key) {
    List<ComponentId> ids = new ArrayList<>();
    Set<ComponentId> seen = new LinkedHashSet<>();
    for (String text : node.strings(key)) {
      try {
        ComponentId id = ComponentId.parse(text);
        if (!seen.add(id)) {
          node.error(key, "'" + id + "' is listed twice");
        }
        ids.add(id);
      } catch (IllegalArgumentException e) {
        node.error(key, e.getMessage());
      }
    }
    return ids;
  }

  private void checkReferences(GatewayConfig config) {
    for (PipelineConfig pipeline : config.pipelines()) {
      String path = "service.pipelines." + pipeline.id();
      checkDefined(config, ComponentKind.RECEIVER, pipeline.receivers(), path + ".receivers");
      checkDefined(config, ComponentKind.PROCESSOR, pipeline.processors(), path + ".processors");
      checkDefined(config, ComponentKind.EXPORTER, pipeline.exporters(), path + ".exporters");
    }
    checkDefined(config, ComponentKind.EXTENSION, config.serviceExtensions(), "service.extensions");
    for (ComponentKind kind : ComponentKind.values()) {
      Set<ComponentId> used = config.used(kind);
      config
          .components(kind)
          .forEach(
              (id, node) -> {
                if (!used.contains(id)) {
                  problems.warning(
                      node.path(),
                      node.line(),
                      kind.word()
                          + " '"
                          + id
                          + "' is defined but no "
                          + (kind == ComponentKind.EXTENSION
                              ? "service.extensions entry"
                              : "pipeline")
                          + " uses it");
                }
              });
    }
  }

  private void checkDefined(
      GatewayConfig config, ComponentKind kind, List<ComponentId> ids, String path) {
    Map<ComponentId, ConfigNode> defined = config.components(kind);
    for (ComponentId id : ids) {
      if (!defined.containsKey(id)) {
        Optional<String> near =
            DidYouMean.closest(
                id.toString(), defined.keySet().stream().map(ComponentId::toString).toList());
        problems.error(
            path,
            0,
            kind.word()
                + " '"
                + id
                + "' is not defined under '"
                + kind.section()
                + "'"
                + near.map(n -> " (did you mean '" + n + "'?)").orElse(""));
      }
    }
  }
}
