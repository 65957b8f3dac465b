package otelgw.benchmarks.load;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The floor otelgw's overhead is measured against: a gRPC server that forwards each OTLP trace
 * request's bytes, untouched and unread, to a backend over one channel, and answers the client with
 * the backend's answer. No scan, no queue, no batching, no metrics.
 *
 * <p>{@code java -cp benchmarks.jar otelgw.benchmarks.load.ByteRelay LISTEN_PORT BACKEND_PORT}:
 * both on 127.0.0.1; runs until killed.
 */
public final class ByteRelay {

  private ByteRelay() {}

  public static void main(String[] args) throws Exception {
    int listen = Integer.parseInt(args[0]);
    int backend = Integer.parseInt(args[1]);
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", backend)
            .usePlaintext()
            .directExecutor()
            .maxInboundMessageSize(64 << 20)
            .build();
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(RawBytes.EXPORT_TRACES.getServiceName())
            .addMethod(
                RawBytes.EXPORT_TRACES,
                ServerCalls.asyncUnaryCall(
                    (byte[] request, StreamObserver<byte[]> response) ->
                        ClientCalls.asyncUnaryCall(
                            channel.newCall(RawBytes.EXPORT_TRACES, CallOptions.DEFAULT),
                            request,
                            response)))
            .build();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", listen))
            .directExecutor()
            .maxInboundMessageSize(64 << 20)
            .addService(service)
            .build()
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  channel.shutdownNow();
                }));
    System.err.println("relay: 127.0.0.1:" + listen + " -> 127.0.0.1:" + backend);
    new CountDownLatch(1).await();
  }
}
