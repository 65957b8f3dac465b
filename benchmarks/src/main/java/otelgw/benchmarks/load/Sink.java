package otelgw.benchmarks.load;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import otelgw.config.Signal;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireItemCounter;

/**
 * A lean OTLP trace backend on 127.0.0.1: gRPC and HTTP/protobuf, each request's spans counted by a
 * wire scan and answered OK with an empty response. Nothing is parsed or kept, so that the sink
 * takes as little of the machine as it can from the process being measured.
 */
final class Sink implements AutoCloseable {

  private static final byte[] EMPTY = new byte[0];

  private final LongAdder spans = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private volatile long answerDelayNanos;
  private final Server grpc;
  private final EventLoopGroup httpGroup;
  private final Channel http;

  private Sink(int grpcPort, int httpPort) throws Exception {
    // Its event loops serve HTTP, and schedule the delayed answers of both protocols.
    httpGroup = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(RawBytes.EXPORT_TRACES.getServiceName())
            .addMethod(
                RawBytes.EXPORT_TRACES,
                ServerCalls.asyncUnaryCall(
                    (request, response) -> {
                      boolean ok = count(request, 0, request.length);
                      answerLater(
                          httpGroup.next(),
                          () -> {
                            if (ok) {
                              response.onNext(EMPTY);
                              response.onCompleted();
                            } else {
                              response.onError(Status.INVALID_ARGUMENT.asRuntimeException());
                            }
                          });
                    }))
            .build();
    grpc =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", grpcPort))
            .directExecutor()
            .maxInboundMessageSize(64 << 20)
            .addService(service)
            .build()
            .start();
    http =
        new ServerBootstrap()
            .group(httpGroup)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 << 20))
                        .addLast(new HttpHandler());
                  }
                })
            .bind("127.0.0.1", httpPort)
            .sync()
            .channel();
  }

  static Sink start(int grpcPort, int httpPort) throws Exception {
    return new Sink(grpcPort, httpPort);
  }

  /** Answers each request {@code delay} after it arrives, as a backend across a network would. */
  void answerAfter(Duration delay) {
    answerDelayNanos = delay.toNanos();
  }

  private void answerLater(EventExecutor executor, Runnable answer) {
    long delay = answerDelayNanos;
    if (delay == 0) {
      answer.run();
    } else {
      executor.schedule(answer, delay, TimeUnit.NANOSECONDS);
    }
  }

  long spans() {
    return spans.sum();
  }

  long requests() {
    return requests.sum();
  }

  long malformed() {
    return malformed.sum();
  }

  private boolean count(byte[] bytes, int offset, int length) {
    try {
      spans.add(WireItemCounter.count(Signal.TRACES, bytes, offset, length));
      requests.increment();
      return true;
    } catch (MalformedProtobufException e) {
      malformed.increment();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    http.close().sync();
    httpGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  /** POST /v1/traces with a protobuf body: count and answer 200 with an empty response. */
  private final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
      ByteBuf body = request.content();
      boolean ok;
      if (body.hasArray()) {
        ok = count(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
      } else {
        byte[] bytes = ByteBufUtil.getBytes(body);
        ok = count(bytes, 0, bytes.length);
      }
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              request.protocolVersion(),
              ok ? HttpResponseStatus.OK : HttpResponseStatus.BAD_REQUEST,
              Unpooled.EMPTY_BUFFER);
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-protobuf");
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      answerLater(
          context.executor(),
          () -> {
            var written = context.writeAndFlush(response);
            if (!keepAlive) {
              written.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
            }
          });
    }
  }
}
