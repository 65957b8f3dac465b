package otelgw.app.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import otelgw.config.Endpoints;
import otelgw.core.net.ListenerExposure;

/**
 * A small HTTP/1.1 server for otelgw's own endpoints (health, metrics, status): {@code GET} and
 * {@code HEAD} on fixed paths, no request bodies, on one event-loop thread of its own, so that a
 * scrape never takes time from the receivers' I/O threads and a busy data path never delays a
 * health probe. At most {@link #MAX_CONNECTIONS} connections; an idle one is closed after {@link
 * #IDLE_TIMEOUT}.
 *
 * <p>{@link #close()} is idempotent.
 */
public final class AdminServer implements AutoCloseable {

  /** {@value}: probes, a scraper and a few browsers are plenty. */
  public static final int MAX_CONNECTIONS = 64;

  /** An idle keep-alive connection is closed after this long. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Request line and headers are bounded; a browser's fit easily. */
  private static final int MAX_HEAD_SIZE = 16 << 10;

  /** A request body is not used; a small one (a probe's) is read and ignored. */
  private static final int MAX_BODY_SIZE = 8 << 10;

  private final EventLoopGroup loop;
  private final Channel listener;

  private AdminServer(EventLoopGroup loop, Channel listener) {
    this.loop = loop;
    this.listener = listener;
  }

  /**
   * Listens on {@code endpoint} ({@code host:port}) and serves {@code routes}, keyed by path.
   *
   * @param owner what the server is in the config, for thread names and messages: {@code
   *     health_check}, {@code service.telemetry.metrics}
   * @throws IOException naming the owner and the endpoint when it cannot listen there
   */
  public static AdminServer start(String owner, String endpoint, Map<String, Endpoint> routes)
      throws IOException {
    InetSocketAddress configured = Endpoints.parse(endpoint);
    InetSocketAddress address =
        new InetSocketAddress(configured.getHostString(), configured.getPort());
    if (address.isUnresolved()) {
      throw new IOException(
          owner
              + ": cannot listen on "
              + endpoint
              + ": unknown host '"
              + address.getHostString()
              + "'");
    }
    EventLoopGroup loop =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("otelgw-admin-" + owner, true), NioIoHandler.newFactory());
    ConnectionLimit limit = new ConnectionLimit(MAX_CONNECTIONS);
    AdminHandler handler = new AdminHandler(owner, routes);
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loop)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast(limit);
                    pipeline.addLast(
                        new ReadTimeoutHandler(IDLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                    pipeline.addLast(
                        new HttpServerCodec(
                            new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_HEAD_SIZE)
                                .setMaxHeaderSize(MAX_HEAD_SIZE)));
                    pipeline.addLast(new HttpObjectAggregator(MAX_BODY_SIZE));
                    pipeline.addLast(handler);
                  }
                });
    AdminServer server;
    try {
      server = new AdminServer(loop, bootstrap.bind(address).syncUninterruptibly().channel());
    } catch (Exception e) { // syncUninterruptibly rethrows the bind failure, checked or not
      loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IOException(owner + ": cannot listen on " + endpoint + ": " + reason(e), e);
    }
    // It has neither TLS nor authentication: say so when it is reachable from other machines.
    ListenerExposure.warnIfExposed(
        LoggerFactory.getLogger(AdminServer.class),
        owner,
        configured.getHostString(),
        server.address(),
        false,
        false);
    return server;
  }

  /** The address it listens on, with the actual port when the endpoint said 0. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Stops listening, closes every connection and ends the thread, within about a second. */
  @Override
  public void close() {
    listener.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  private static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
