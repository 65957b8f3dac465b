package otelgw.app;

import java.util.List;
import otelgw.app.status.HealthCheckExtensionFactory;
import otelgw.core.component.Factories;
import otelgw.core.component.Factory;
import otelgw.core.extension.bearertokenauth.BearerTokenAuthFactory;
import otelgw.core.processor.attributes.AttributesFactory;
import otelgw.core.processor.batch.BatchProcessorFactory;
import otelgw.core.processor.memorylimiter.MemoryLimiterFactory;
import otelgw.core.processor.probabilisticsampler.ProbabilisticSamplerFactory;
import otelgw.core.processor.redaction.RedactionFactory;
import otelgw.exporter.debug.DebugExporterFactory;
import otelgw.exporter.otlp.OtlpGrpcExporterFactory;
import otelgw.exporter.otlp.OtlpHttpExporterFactory;
import otelgw.receiver.otlp.OtlpReceiverFactory;

/** Every component type this build of otelgw has: the one list a new component is added to. */
final class Components {

  private Components() {}

  static Factories all() {
    List<Factory<?>> factories =
        List.of(
            new OtlpReceiverFactory(),
            new MemoryLimiterFactory(),
            new RedactionFactory(),
            new AttributesFactory(),
            new ProbabilisticSamplerFactory(),
            new BatchProcessorFactory(),
            new OtlpGrpcExporterFactory(),
            new OtlpHttpExporterFactory(),
            new DebugExporterFactory(),
            new HealthCheckExtensionFactory(),
            new BearerTokenAuthFactory());
    return Factories.of(factories);
  }
}
