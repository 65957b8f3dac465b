package otelgw.receiver.otlp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections that hold the server without using it: one idle between requests for {@code
 * idle_timeout}, or one whose request (head and body) has not fully arrived {@code read_timeout}
 * after its first byte, so a slow sender (slowloris) cannot keep a connection forever by trickling
 * bytes. Sits before the HTTP codec to see when a request's first bytes arrive; the request handler
 * tells it when a request is complete and when its answer is sent. One per connection, used on its
 * event loop only.
 */
final class HttpTimeouts extends ChannelInboundHandlerAdapter {

  private static final Logger logger = LoggerFactory.getLogger(HttpTimeouts.class);

  private final Duration idle;
  private final Duration request;
  private final Runnable onReadTimeout;
  private final Runnable onIdleTimeout;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private boolean waitingForRequest = true;

  HttpTimeouts(Duration idle, Duration request) {
    this(idle, request, () -> {}, () -> {});
  }

  /**
   * @param onReadTimeout run when a connection is closed because its request did not arrive in time
   * @param onIdleTimeout run when a connection is closed because no request began in time
   */
  HttpTimeouts(Duration idle, Duration request, Runnable onReadTimeout, Runnable onIdleTimeout) {
    this.idle = idle;
    this.request = request;
    this.onReadTimeout = onReadTimeout;
    this.onIdleTimeout = onIdleTimeout;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    this.ctx = ctx;
    waitForRequest();
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof ByteBuf) {
      requestStarted();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  /** A request has begun (bytes, or a pipelined head that was already buffered). */
  void requestStarted() {
    if (waitingForRequest && ctx != null) {
      waitingForRequest = false;
      schedule(request, "its request did not arrive in full within " + request, onReadTimeout);
    }
  }

  /** The request has fully arrived; answering it is the server's business, not timed here. */
  void requestReceived() {
    cancel();
  }

  /** The answer is sent and the connection is kept: wait for the next request. */
  void waitForRequest() {
    waitingForRequest = true;
    schedule(idle, "it was idle for " + idle, onIdleTimeout);
  }

  private void schedule(Duration after, String reason, Runnable counted) {
    cancel();
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  logger.debug("closing HTTP connection {}: {}", ctx.channel(), reason);
                  counted.run();
                  ctx.close();
                },
                after.toNanos(),
                TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
