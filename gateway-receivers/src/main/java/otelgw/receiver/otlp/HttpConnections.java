package otelgw.receiver.otlp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import otelgw.core.telemetry.ThrottledLog;

/**
 * The open connections of one HTTP server, at most {@code max_connections}: a connection beyond
 * that is closed as soon as it is accepted, and counted. About, not exact: concurrent accepts may
 * pass it by a few. Kept in a group so that shutdown can drain and close them. Shared by all
 * connections; thread-safe.
 */
@ChannelHandler.Sharable
final class HttpConnections extends ChannelInboundHandlerAdapter {

  private static final ThrottledLog overLimit =
      new ThrottledLog(LoggerFactory.getLogger(HttpConnections.class), Duration.ofMinutes(1));

  private final ChannelGroup all =
      new DefaultChannelGroup("otlp-http", GlobalEventExecutor.INSTANCE);
  private final int maxConnections;
  private final ReceiverMeters meters;

  HttpConnections(int maxConnections, ReceiverMeters meters) {
    this.maxConnections = maxConnections;
    this.meters = meters;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (all.size() >= maxConnections) {
      overLimit.warn(
          "OTLP/HTTP: refusing a connection, already "
              + maxConnections
              + " open; is a client leaking them?");
      meters.tooManyConnections();
      ctx.close();
      return;
    }
    all.add(ctx.channel());
    super.channelActive(ctx);
  }

  ChannelGroup all() {
    return all;
  }
}
