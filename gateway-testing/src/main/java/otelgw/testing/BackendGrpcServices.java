package otelgw.testing;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The OTLP/gRPC side of the backend: the three {@code Export} services, plus an interceptor that
 * hands each call's metadata to the service through the gRPC {@link Context}.
 */
final class BackendGrpcServices {

  /** Generous, so an oversized batch shows up as data in the test rather than a size error. */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final Context.Key<Map<String, List<String>>> HEADERS =
      Context.key("otlp-backend-headers");

  private final RequestProcessor processor;

  private BackendGrpcServices(RequestProcessor processor) {
    this.processor = processor;
  }

  /** Binds {@code host:port} (0 picks a free port) and starts serving on {@code executor}. */
  static Server start(String host, int port, RequestProcessor processor, Executor executor)
      throws IOException {
    BackendGrpcServices services = new BackendGrpcServices(processor);
    return NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        // Our own executor: Slow faults block handler threads, never gRPC's shared pool.
        .executor(executor)
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .addService(services.new Traces())
        .addService(services.new Metrics())
        .addService(services.new Logs())
        .intercept(new HeaderCapture())
        .build()
        .start();
  }

  private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> observer) {
      handle(OtlpSignal.TRACES, request, observer, ExportTraceServiceResponse.class);
    }
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> observer) {
      handle(OtlpSignal.METRICS, request, observer, ExportMetricsServiceResponse.class);
    }
  }

  private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> observer) {
      handle(OtlpSignal.LOGS, request, observer, ExportLogsServiceResponse.class);
    }
  }

  private <R> void handle(
      OtlpSignal signal, Message request, StreamObserver<R> observer, Class<R> responseType) {
    RequestProcessor.Outcome outcome =
        processor.process(signal, Transport.GRPC, HEADERS.get(), request, request.toByteString());
    if (observer instanceof ServerCallStreamObserver<R> call && call.isCancelled()) {
      return; // The client gave up or the server stopped; nobody is listening.
    }
    if (outcome instanceof RequestProcessor.Accepted accepted) {
      observer.onNext(responseType.cast(accepted.response()));
      observer.onCompleted();
    } else if (outcome instanceof RequestProcessor.Rejected rejected) {
      observer.onError(
          StatusProto.toStatusRuntimeException(FaultMapping.rpcStatus(rejected.reject())));
    }
  }

  /** Puts the call's metadata, as a plain map, into the context the service runs in. */
  private static final class HeaderCapture implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
      Context context = Context.current().withValue(HEADERS, toMap(metadata));
      return Contexts.interceptCall(context, call, metadata, next);
    }

    private static Map<String, List<String>> toMap(Metadata metadata) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String key : metadata.keys()) {
        List<String> values = new ArrayList<>();
        if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          Metadata.Key<byte[]> binary = Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER);
          metadata.getAll(binary).forEach(v -> values.add(Base64.getEncoder().encodeToString(v)));
        } else {
          Metadata.Key<String> ascii = Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
          metadata.getAll(ascii).forEach(values::add);
        }
        headers.put(key, values);
      }
      return headers;
    }
  }
}
