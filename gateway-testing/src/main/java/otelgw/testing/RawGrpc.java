package otelgw.testing;

import io.grpc.CallOptions;
import io.grpc.ClientInterceptors;
import io.grpc.Compressor;
import io.grpc.CompressorRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gRPC client that sends request bytes as they are, for what a generated stub will not send:
 * malformed or hostile messages, and messages already compressed by the test (a decompression bomb
 * is built once, not compressed by the client), sent with their {@code grpc-encoding}.
 */
public final class RawGrpc implements AutoCloseable {

  private final ManagedChannel channel;

  /** A plaintext connection to {@code port} on 127.0.0.1. */
  public RawGrpc(int port) {
    this.channel =
        NettyChannelBuilder.forAddress("127.0.0.1", port)
            .usePlaintext()
            .compressorRegistry(registry())
            .maxInboundMessageSize(1 << 20)
            .build();
  }

  /**
   * Calls {@code method} (such as {@code
   * opentelemetry.proto.collector.trace.v1.TraceService/Export}) with {@code body}, which is
   * already gzip-compressed if {@code gzipped}; returns the status the server answered.
   */
  public Status call(String method, byte[] body, boolean gzipped, Map<String, String> metadata) {
    return call(method, body, gzipped ? "gzip" : null, metadata);
  }

  /**
   * Calls {@code method} with {@code body} sent as already compressed in {@code encoding} ({@code
   * gzip}, {@code deflate}, {@code zstd} or {@code snappy}; null for none): the bytes are passed
   * through as they are, under that {@code grpc-encoding}.
   */
  public Status call(String method, byte[] body, String encoding, Map<String, String> metadata) {
    Metadata headers = new Metadata();
    metadata.forEach(
        (name, value) ->
            headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value));
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS);
    if (encoding != null) {
      options = options.withCompression(encoding);
    }
    try {
      ClientCalls.blockingUnaryCall(
          ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
          descriptor(method),
          options,
          body);
      return Status.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus();
    }
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MethodDescriptor<byte[], byte[]> descriptor(String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(method)
        .setRequestMarshaller(BYTES)
        .setResponseMarshaller(BYTES)
        .build();
  }

  /**
   * Claims to compress in {@code encoding} and passes the bytes through: the test hands over bytes
   * compressed (or not) itself.
   */
  private static Compressor passing(String encoding) {
    return new Compressor() {
      @Override
      public String getMessageEncoding() {
        return encoding;
      }

      @Override
      public OutputStream compress(OutputStream os) {
        return os;
      }
    };
  }

  private static CompressorRegistry registry() {
    CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
    for (String encoding : new String[] {"gzip", "deflate", "zstd", "snappy"}) {
      registry.register(passing(encoding));
    }
    return registry;
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw Status.INTERNAL.withCause(e).asRuntimeException();
          }
        }
      };
}
