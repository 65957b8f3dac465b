package otelgw.app;

import otelgw.testing.OtlpBackend;

/** YAML configs for gateways under test, forwarding to an in-process backend. */
final class GatewayConfigs {

  private GatewayConfigs() {}

  /** How otelgw talks to the backend. */
  enum Upstream {
    GRPC,
    HTTP
  }

  /** All three signals from the OTLP receiver to one exporter of the backend. */
  static String forward(OtlpBackend backend, Upstream upstream) {
    String exporter =
        upstream == Upstream.GRPC
            ? """
              otlp/backend:
                endpoint: 127.0.0.1:%d
                tls:
                  insecure: true
                retry_on_failure:
                  initial_interval: 50ms
                  max_interval: 200ms
            """
                .formatted(backend.grpcPort())
            : """
              otlphttp/backend:
                endpoint: http://127.0.0.1:%d
                retry_on_failure:
                  initial_interval: 50ms
                  max_interval: 200ms
            """
                .formatted(backend.httpPort());
    String id = upstream == Upstream.GRPC ? "otlp/backend" : "otlphttp/backend";
    return """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%GRPC_PORT%
              http:
                endpoint: 127.0.0.1:%HTTP_PORT%
        exporters:
        """
        + exporter
        + """
        service:
          pipelines:
            traces:
              receivers: [otlp]
              exporters: [ID]
            metrics:
              receivers: [otlp]
              exporters: [ID]
            logs:
              receivers: [otlp]
              exporters: [ID]
        """
            .replace("ID", id);
  }
}
