package otelgw.testing;

/** How a request reached the backend. */
public enum Transport {
  /** OTLP/gRPC. */
  GRPC,
  /** OTLP/HTTP with a binary protobuf body. */
  HTTP
}
