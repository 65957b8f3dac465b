package otelgw.exporter.otlp;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.ClientAuthenticator;
import otelgw.core.error.GatewayException;
import otelgw.core.error.RetryableException;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.exporterhelper.Transport;

/**
 * The {@code otlp} exporter's connection: one gRPC channel for all signals, opened in {@link
 * #start()}, each batch sent as the bytes it holds through a byte-array method so that nothing is
 * re-encoded.
 */
final class GrpcTransport implements Transport {

  private static final Logger logger = LoggerFactory.getLogger(GrpcTransport.class);

  private final OtlpGrpcExporterConfig config;
  private final ClientAuthenticator auth; // null without an auth block
  private final CallOptions callOptions;
  private final Metadata headers = new Metadata();
  private ManagedChannel channel; // guarded by this
  private volatile Channel calls; // the channel with the headers attached; null when closed

  GrpcTransport(OtlpGrpcExporterConfig config) {
    this(config, null);
  }

  /**
   * @param auth the authenticator of the {@code auth} block, or null
   */
  GrpcTransport(OtlpGrpcExporterConfig config, ClientAuthenticator auth) {
    this.config = config;
    this.auth = auth;
    this.callOptions =
        config.compression() == Compression.GZIP
            ? CallOptions.DEFAULT.withCompression("gzip")
            : CallOptions.DEFAULT;
    for (Map.Entry<String, String> header : config.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), header.getValue());
    }
  }

  @Override
  public <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type) {
    OtlpService service = OtlpService.of(type.signal());
    MethodDescriptor<List<byte[]>, byte[]> method =
        MethodDescriptor.<List<byte[]>, byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(service.grpcMethod())
            .setRequestMarshaller(ChunksMarshaller.INSTANCE)
            .setResponseMarshaller(ByteArrayMarshaller.INSTANCE)
            .build();
    return batch -> export(method, service, batch.wireChunks());
  }

  private PartialSuccess export(
      MethodDescriptor<List<byte[]>, byte[]> method, OtlpService service, List<byte[]> request)
      throws GatewayException {
    Channel target = calls;
    if (target == null) {
      throw new RetryableException("the exporter is not running");
    }
    CallOptions options =
        callOptions.withDeadlineAfter(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
    byte[] response = await(ClientCalls.futureUnaryCall(target.newCall(method, options), request));
    try {
      return service.fromProtobuf(response);
    } catch (InvalidProtocolBufferException e) {
      // The backend said OK; an unreadable response cannot take that back.
      return PartialSuccess.NONE;
    }
  }

  /**
   * Waits for the answer of a call whose callbacks ran on the transport's thread, which wakes this
   * sender once, when the call is over. {@code blockingUnaryCall} instead hands the headers, the
   * message and the close to the waiting thread one by one, each with a wake-up of its own: at the
   * maximum rate parking and waking took 14% of otelgw's CPU that way, 8% this way.
   */
  private static byte[] await(ListenableFuture<byte[]> call) throws GatewayException {
    try {
      return call.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException failure) {
        throw GrpcOutcomes.failure(failure);
      }
      throw new RetryableException("the call failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new RetryableException("interrupted while waiting for the backend's answer", e);
    }
  }

  /**
   * Builds the channel; it connects on the first call, so a backend that is down fails no start.
   */
  @Override
  public synchronized void start() throws IOException {
    if (channel != null) {
      return;
    }
    GrpcTarget target = config.target();
    NettyChannelBuilder builder =
        NettyChannelBuilder.forAddress(target.host(), target.port()).userAgent(UserAgent.VALUE);
    if (target.plaintext()) {
      builder.usePlaintext();
      if (auth != null) {
        logger.warn(
            "otlp exporter to {}: its authenticator's credentials are sent in clear, without"
                + " TLS",
            config.endpoint());
      }
    } else {
      builder.sslContext(sslContext(TlsMaterial.load(config.tls())));
      config.tls().serverNameOverride().ifPresent(builder::overrideAuthority);
    }
    // Calls complete on the transport's thread; a sender waits on each call's future.
    channel = builder.directExecutor().build();
    // The interceptor nearer the channel runs later: the credentials replace a static header.
    Channel credentials =
        auth == null ? channel : ClientInterceptors.intercept(channel, new GrpcCredentials(auth));
    calls =
        ClientInterceptors.intercept(
            credentials, MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    if (channel == null) {
      return;
    }
    calls = null;
    channel.shutdown();
    try {
      if (!channel.awaitTermination(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
    channel = null;
  }

  private static SslContext sslContext(TlsMaterial tls) throws IOException {
    SslContextBuilder builder = GrpcSslContexts.forClient();
    tls.trustManager().ifPresent(builder::trustManager);
    tls.keyManager().ifPresent(builder::keyManager);
    return builder.protocols(tls.protocols()).build();
  }
}
