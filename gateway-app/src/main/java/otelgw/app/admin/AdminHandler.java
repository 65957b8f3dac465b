package otelgw.app.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;
import otelgw.core.telemetry.ThrottledLog;

/** Routes each request by its path to an {@link Endpoint} and writes the reply. Shared. */
@ChannelHandler.Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final ThrottledLog failures =
      new ThrottledLog(LoggerFactory.getLogger(AdminHandler.class), Duration.ofMinutes(1));

  private final String name;
  private final Map<String, Endpoint> routes;

  AdminHandler(String name, Map<String, Endpoint> routes) {
    this.name = name;
    this.routes = new TreeMap<>(routes);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean head = request.method().equals(HttpMethod.HEAD);
    Reply reply = reply(request, head);
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    if (reply.status() == 405) {
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
    }
    boolean keepAlive = request.decoderResult().isSuccess() && HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private Reply reply(FullHttpRequest request, boolean head) {
    if (!request.decoderResult().isSuccess()) {
      return Reply.text(400, "malformed request\n");
    }
    String path = new QueryStringDecoder(request.uri()).path();
    Endpoint endpoint = routes.get(path);
    if (endpoint == null) {
      return Reply.text(
          404, "no such path; this server has " + String.join(", ", routes.keySet()) + "\n");
    }
    if (!head && !request.method().equals(HttpMethod.GET)) {
      return Reply.text(405, "only GET and HEAD\n");
    }
    try {
      return endpoint.get();
    } catch (RuntimeException e) {
      failures.error(name + ": " + path + " failed", e);
      return Reply.text(500, "internal error; see otelgw's log\n");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof IOException)) { // a reset or a read timeout needs no log line
      failures.error(name + ": connection failed", cause);
    }
    ctx.close();
  }
}
