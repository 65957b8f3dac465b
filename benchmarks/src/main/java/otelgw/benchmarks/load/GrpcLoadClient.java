package otelgw.benchmarks.load;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OTLP/gRPC with raw byte calls over a few channels (one HTTP/2 connection each), used round robin,
 * as several SDKs would connect. Callbacks run on the channels' event loops.
 */
final class GrpcLoadClient implements LoadClient {

  private final ManagedChannel[] channels;
  private final AtomicInteger next = new AtomicInteger();

  GrpcLoadClient(int port, int connections) {
    channels = new ManagedChannel[connections];
    for (int i = 0; i < connections; i++) {
      channels[i] =
          NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().directExecutor().build();
    }
  }

  @Override
  public void send(byte[] request, Callback callback) {
    ManagedChannel channel = channels[Math.floorMod(next.getAndIncrement(), channels.length)];
    ClientCalls.asyncUnaryCall(
        channel.newCall(
            RawBytes.EXPORT_TRACES, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)),
        request,
        new StreamObserver<>() {
          @Override
          public void onNext(byte[] value) {}

          @Override
          public void onError(Throwable error) {
            Status.Code code = Status.fromThrowable(error).getCode();
            callback.done(
                code == Status.Code.UNAVAILABLE || code == Status.Code.RESOURCE_EXHAUSTED
                    ? Outcome.REFUSED
                    : Outcome.FAILED);
          }

          @Override
          public void onCompleted() {
            callback.done(Outcome.OK);
          }
        });
  }

  @Override
  public void close() {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow();
    }
  }
}
