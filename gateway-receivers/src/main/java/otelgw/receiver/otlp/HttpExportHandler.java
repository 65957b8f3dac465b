package otelgw.receiver.otlp;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.core.error.RefusedException;

/**
 * Serves OTLP/HTTP export requests on one connection, one request at a time, in order.
 *
 * <p>The head is checked before any body is read (path, method, content type and encoding, declared
 * length), so a request that will be refused is answered at once. An accepted body is collected up
 * to {@code max_request_body_size}, then decoded and published: on the event loop when it is
 * uncompressed protobuf (a copy and a wire scan), otherwise on the bounded decode pool, with
 * reading paused until the answer is written so that answers stay in request order.
 *
 * <p>One per connection; called on its event loop only.
 */
final class HttpExportHandler extends ChannelInboundHandlerAdapter {

  /** User event telling each connection that the server stops taking requests. */
  static final Object DRAIN = new Object();

  // Reads are at most HttpChannelInitializer.MAX_CHUNK_SIZE each; this holds any allowed body
  // without consolidating copies.
  private static final int MAX_BODY_COMPONENTS = 1 << 16;

  /** How long a connection answered before its body arrived drops the rest before closing. */
  static final long LINGER_MILLIS = 1000;

  private static final Logger logger = LoggerFactory.getLogger(HttpExportHandler.class);

  // Closing while a client is still sending its body makes TCP reset the connection, and the
  // client may lose the answer with it. So finish sending, drop what still arrives, and close a
  // moment later, as HTTP servers commonly do.
  private static final ChannelFutureListener LINGER_THEN_CLOSE =
      written -> {
        Channel channel = written.channel();
        if (written.isSuccess() && channel instanceof SocketChannel socket) {
          socket.shutdownOutput();
          channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } else {
          channel.close();
        }
      };

  private final HttpServerContext server;
  private final HttpTimeouts timeouts;

  private boolean inRequest; // a head was read, its last content not yet
  private boolean answered; // the current request's answer is written
  private boolean keepAlive; // of the current request
  private boolean decoding; // its body is on the decode pool; reading is paused
  private boolean closing; // the connection closes; ignore what else arrives
  private HttpExport export; // the accepted request whose body is being collected
  private CompositeByteBuf body; // its body so far
  private long discarded; // body bytes of a refused request, read and dropped

  HttpExportHandler(HttpServerContext server, HttpTimeouts timeouts) {
    this.server = server;
    this.timeouts = timeouts;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      // Once the connection is gone, the codec still hands on what it held: a request cut short,
      // which nobody is left to answer.
      if (closing || !ctx.channel().isActive()) {
        return;
      }
      if (msg instanceof HttpRequest request) {
        head(ctx, request);
      }
      if (!closing && msg instanceof HttpContent content) {
        content(ctx, content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void head(ChannelHandlerContext ctx, HttpRequest request) {
    timeouts.requestStarted();
    inRequest = true;
    answered = false;
    discarded = 0;
    if (request.decoderResult().isFailure()) {
      keepAlive = false;
      refuse(ctx, HttpHeadCheck.unreadable(request, server), BodyEncoding.PROTOBUF);
      return;
    }
    BodyEncoding encoding =
        BodyEncoding.ofContentType(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
    ContentCoding coding =
        ContentCoding.ofHeader(request.headers().get(HttpHeaderNames.CONTENT_ENCODING));
    SignalIntake<?, ?> intake = server.routes().find(request.uri());
    keepAlive = HttpUtil.isKeepAlive(request) && !server.draining().get();
    ReceiverFailure failure = HttpHeadCheck.check(request, intake, encoding, coding, server);
    if (failure != null) {
      if (HttpHeadCheck.closesAfterRefusal(request, failure, server.maxBodySize())) {
        keepAlive = false;
      }
      refuse(ctx, failure, encoding != null ? encoding : BodyEncoding.PROTOBUF);
      return;
    }
    export = new HttpExport(intake, encoding, coding, keepAlive, server.maxBodySize());
    body = ctx.alloc().compositeBuffer(MAX_BODY_COMPONENTS);
    if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
  }

  private void content(ChannelHandlerContext ctx, HttpContent content) {
    if (!inRequest) {
      return;
    }
    int size = content.content().readableBytes();
    if (body != null) {
      if ((long) body.readableBytes() + size > server.maxBodySize()) {
        // A chunked body, or one longer than it said: stop reading it.
        releaseBody();
        keepAlive = false;
        ReceiverFailure tooLarge =
            new ReceiverFailure(
                Rejection.TOO_LARGE,
                BodyTooLargeException.sent(-1, server.maxBodySize()).getMessage());
        refuse(ctx, tooLarge, export.encoding());
        export = null;
        return;
      }
      if (size > 0) {
        body.addComponent(true, content.content().retain());
      }
    } else {
      discarded += size;
      if (discarded > server.maxBodySize()) {
        closing = true;
        ctx.close();
        return;
      }
    }
    if (content instanceof LastHttpContent) {
      inRequest = false;
      timeouts.requestReceived();
      if (body != null) {
        publish(ctx);
      } else if (answered) {
        requestDone(ctx);
      }
    }
  }

  private void publish(ChannelHandlerContext ctx) {
    HttpExport current = export;
    CompositeByteBuf received = body;
    export = null;
    body = null;
    if (!current.isSlow()) {
      finish(ctx, current, current.publish(received));
      return;
    }
    decoding = true;
    ctx.channel().config().setAutoRead(false);
    try {
      server
          .decoders()
          .execute(
              () -> {
                ReceiverFailure failure = current.publish(received);
                try {
                  ctx.executor().execute(() -> finishDecoding(ctx, current, failure));
                } catch (RejectedExecutionException e) {
                  // The event loop is shutting down: the connection is being closed anyway.
                }
              });
    } catch (RejectedExecutionException e) {
      received.release();
      finishDecoding(
          ctx,
          current,
          new ReceiverFailure(
              Rejection.REFUSED,
              "otelgw is busy decoding other requests; retry later",
              Optional.of(RefusedException.DEFAULT_RETRY_DELAY)));
    }
  }

  private void finishDecoding(
      ChannelHandlerContext ctx, HttpExport export, ReceiverFailure failure) {
    decoding = false;
    finish(ctx, export, failure);
    ctx.channel().config().setAutoRead(true);
  }

  private void finish(ChannelHandlerContext ctx, HttpExport export, ReceiverFailure failure) {
    keepAlive = export.keepAlive() && !server.draining().get();
    if (failure == null) {
      answer(ctx, HttpResponses.success(export.encoding(), keepAlive));
    } else {
      refuse(ctx, failure, export.encoding());
    }
    requestDone(ctx);
  }

  /** Answers {@code failure} (counted) in {@code encoding}, keeping the connection if it may. */
  private void refuse(ChannelHandlerContext ctx, ReceiverFailure failure, BodyEncoding encoding) {
    server.meters().rejected(failure.rejection());
    FullHttpResponse response = HttpResponses.failure(failure, encoding, keepAlive);
    if (failure.rejection() == Rejection.UNAUTHENTICATED && !server.auth().challenge().isEmpty()) {
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, server.auth().challenge());
    }
    answer(ctx, response);
  }

  private void answer(ChannelHandlerContext ctx, FullHttpResponse response) {
    answered = true;
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      closing = true;
      releaseBody();
      written.addListener(inRequest ? LINGER_THEN_CLOSE : ChannelFutureListener.CLOSE);
    }
  }

  /** The request is read and answered: wait for the next, unless the connection closes. */
  private void requestDone(ChannelHandlerContext ctx) {
    answered = false;
    if (closing) {
      return;
    }
    if (server.draining().get()) {
      closing = true;
      ctx.close();
      return;
    }
    timeouts.waitForRequest();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == DRAIN) {
      // A connection between requests closes now; one with a request under way closes after
      // answering it.
      if (!inRequest && !decoding && !closing) {
        closing = true;
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closing = true;
    releaseBody();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Mostly clients going away mid-request; nothing a log line per connection would help with.
    logger.debug("{}: closing OTLP/HTTP connection {}", server.id(), ctx.channel(), cause);
    closing = true;
    releaseBody();
    ctx.close();
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }
}
