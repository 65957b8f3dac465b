package otelgw.receiver.otlp;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.core.component.ServerAuthenticator;
import otelgw.core.net.ListenerExposure;

/**
 * OTLP/HTTP on Netty: HTTP/1.1 with keep-alive, protobuf and JSON bodies, gzip and deflate, on its
 * own event loops, with a small bounded pool for the decoding that is too slow for them.
 */
final class OtlpHttpServer implements ProtocolServer {

  static final String PROTOCOL = "OTLP/HTTP";

  /** Event loop threads: one per core. They only parse HTTP and copy bytes. */
  static final int IO_THREADS = Runtime.getRuntime().availableProcessors();

  /**
   * Threads that inflate compressed bodies and decode JSON: one per core, at least 2. Work is
   * CPU-bound, so more would not finish it sooner.
   */
  static final int DECODE_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

  /**
   * Requests that may wait for a decode thread: {@value #DECODE_QUEUE_PER_THREAD} per thread.
   * Beyond that the request is answered 503 with {@code Retry-After}: shedding load at the edge is
   * better than queueing bodies in memory.
   */
  static final int DECODE_QUEUE_PER_THREAD = 4;

  private static final long RELEASE_TIMEOUT_MILLIS = 1000;

  private static final Logger logger = LoggerFactory.getLogger(OtlpHttpServer.class);

  private final ComponentId id;
  private final OtlpHttpConfig config;
  private final HttpRoutes routes;
  private final ServerAuthenticator auth; // null without an auth block
  private final ReceiverMeters meters;
  private ServerTls tls; // null for plaintext
  private final AtomicBoolean draining = new AtomicBoolean();
  private final HttpConnections connections;
  private EventLoopGroup acceptors;
  private EventLoopGroup workers;
  private ThreadPoolExecutor decoders;
  private Channel listener;

  /**
   * @param auth the authenticator of the {@code auth} block, or null
   */
  OtlpHttpServer(
      ComponentId id,
      OtlpHttpConfig config,
      List<SignalIntake<?, ?>> intakes,
      ServerAuthenticator auth,
      ReceiverMeters meters) {
    this.id = id;
    this.config = config;
    this.routes = new HttpRoutes(config, intakes);
    this.auth = auth;
    this.meters = meters;
    this.connections = new HttpConnections(config.maxConnections(), meters);
  }

  @Override
  public void start() throws IOException {
    InetSocketAddress address =
        ListenFailure.resolve(id, config.endpoint(), PROTOCOL, config.address());
    SslContext ssl = null;
    if (config.tls().isPresent()) {
      tls = ServerTls.start(id, config.endpoint(), PROTOCOL, config.tls().get());
      try {
        ssl = HttpTls.serverContext(id, config.endpoint(), tls);
      } catch (IOException e) {
        tls.close();
        throw e;
      }
    }
    acceptors =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("otlp-http-accept", true), NioIoHandler.newFactory());
    workers =
        new MultiThreadIoEventLoopGroup(
            IO_THREADS, new DefaultThreadFactory("otlp-http-io", true), NioIoHandler.newFactory());
    decoders =
        new ThreadPoolExecutor(
            DECODE_THREADS,
            DECODE_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(DECODE_THREADS * DECODE_QUEUE_PER_THREAD),
            new DefaultThreadFactory("otlp-http-decode", true));
    decoders.allowCoreThreadTimeOut(true);
    HttpServerContext context =
        new HttpServerContext(
            id,
            routes,
            config.maxRequestBodySize(),
            decoders,
            draining,
            auth,
            meters,
            config.readTimeout(),
            config.idleTimeout(),
            config.maxRequestLineSize(),
            config.maxHeaderSize());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptors, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new HttpChannelInitializer(context, connections, ssl));
    try {
      listener = bootstrap.bind(address).syncUninterruptibly().channel();
    } catch (Exception e) { // syncUninterruptibly rethrows the bind failure, checked or not
      release(System.nanoTime());
      throw ListenFailure.of(id, config.endpoint(), PROTOCOL, e);
    }
    ListenerExposure.warnIfExposed(
        logger,
        id + " receiver, " + PROTOCOL,
        config.address().getHostString(),
        boundAddress(),
        tls != null,
        // A client certificate the server requires authenticates as well as a token.
        auth != null || tls != null && tls.settings().clientCaFile().isPresent());
  }

  @Override
  public InetSocketAddress boundAddress() {
    Channel bound = listener;
    return bound == null ? null : (InetSocketAddress) bound.localAddress();
  }

  @Override
  public void stopAccepting() {
    draining.set(true);
    if (listener != null) {
      listener.close();
    }
    connections.all().forEach(c -> c.pipeline().fireUserEventTriggered(HttpExportHandler.DRAIN));
  }

  @Override
  public void awaitStopped(long deadlineNanos) {
    if (workers == null) {
      return;
    }
    connections
        .all()
        .newCloseFuture()
        .awaitUninterruptibly(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    connections.all().close().awaitUninterruptibly(RELEASE_TIMEOUT_MILLIS);
    release(deadlineNanos);
  }

  private void release(long deadlineNanos) {
    if (tls != null) {
      tls.close();
    }
    decoders.shutdownNow();
    workers.shutdownGracefully(0, RELEASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    acceptors.shutdownGracefully(0, RELEASE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    long wait = Math.max(RELEASE_TIMEOUT_MILLIS, (deadlineNanos - System.nanoTime()) / 1_000_000);
    workers.terminationFuture().awaitUninterruptibly(wait);
    acceptors.terminationFuture().awaitUninterruptibly(wait);
  }
}
