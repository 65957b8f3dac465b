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
 * Closes connections that hold the server without using it: one idle between requests for {@link
 * #IDLE_TIMEOUT}, or one whose request (head and body) has not fully arrived {@link
 * #REQUEST_TIMEOUT} after its first byte, so a slow sender (slowloris) cannot keep a connection
 * forever by trickling bytes. Sits before the HTTP codec to see when a request's first bytes
 * arrive; the request handler tells it when a request is complete and when its answer is sent. One
 * per connection, used on its event loop only.
 */
final class HttpTimeouts extends ChannelInboundHandlerAdapter {

  /** How long a kept-alive connection may wait for its next request: 1 minute, as the Collector. */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(1);

  /** How long one request may take to arrive, from its first byte to its last: 1 minute. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger logger = LoggerFactory.getLogger(HttpTimeouts.class);

  private final long idleNanos;
  private final long requestNanos;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private boolean waitingForRequest = true;

  HttpTimeouts() {
    this(IDLE_TIMEOUT, REQUEST_TIMEOUT);
  }

  HttpTimeouts(Duration idle, Duration request) {
    this.idleNanos = idle.toNanos();
    this.requestNanos = request.toNanos();
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
      schedule(requestNanos, "its request did not arrive in full within " + REQUEST_TIMEOUT);
    }
  }

  /** The request has fully arrived; answering it is the server's business, not timed here. */
  void requestReceived() {
    cancel();
  }

  /** The answer is sent and the connection is kept: wait for the next request. */
  void waitForRequest() {
    waitingForRequest = true;
    schedule(idleNanos, "it was idle for " + IDLE_TIMEOUT);
  }

  private void schedule(long nanos, String reason) {
    cancel();
    timer =
        ctx.executor()
            .schedule(
                () -> {
                  logger.debug("closing HTTP connection {}: {}", ctx.channel(), reason);
                  ctx.close();
                },
                nanos,
                TimeUnit.NANOSECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
