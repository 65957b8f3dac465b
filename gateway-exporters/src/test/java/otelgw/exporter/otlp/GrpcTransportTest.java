package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import otelgw.core.batch.BatchType;
import otelgw.core.component.ExporterFactory;
import otelgw.core.exporterhelper.Transport;
import otelgw.exporter.TestRequests;
import otelgw.testing.OtlpSignal;

class GrpcTransportTest extends OtlpTransportContract<OtlpGrpcExporterConfig> {

  @Override
  ExporterFactory<OtlpGrpcExporterConfig> factory() {
    return new OtlpGrpcExporterFactory();
  }

  @Override
  Transport transport(OtlpGrpcExporterConfig config) {
    return new GrpcTransport(config);
  }

  @Override
  String endpointYaml() {
    return "endpoint: " + backend.grpcEndpoint() + "\ntls: { insecure: true }";
  }

  @Override
  otelgw.testing.Transport wire() {
    return otelgw.testing.Transport.GRPC;
  }

  @Test
  void gzipIsNegotiatedPerCall() throws Exception {
    sender(BatchType.TRACES, "compression: gzip")
        .send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    assertThat(backend.requests(OtlpSignal.TRACES).get(0).header("grpc-encoding")).contains("gzip");
  }
}
