package otelgw.receiver.otlp;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * OTLP/HTTP answers: 200 with an empty {@code Export*ServiceResponse}, or the failure's status with
 * a {@code google.rpc.Status} body, in the request's encoding.
 */
final class HttpResponses {

  // An empty Export*ServiceResponse, whichever the signal.
  private static final byte[] EMPTY_PROTOBUF = new byte[0];
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private HttpResponses() {}

  static FullHttpResponse success(BodyEncoding encoding, boolean keepAlive) {
    byte[] body = encoding == BodyEncoding.JSON ? EMPTY_JSON : EMPTY_PROTOBUF;
    return response(HttpResponseStatus.OK, encoding, body, keepAlive);
  }

  static FullHttpResponse failure(
      ReceiverFailure failure, BodyEncoding encoding, boolean keepAlive) {
    byte[] body = encoding.encode(failure.toRpcStatusWithoutDetails());
    FullHttpResponse response =
        response(
            HttpResponseStatus.valueOf(failure.rejection().httpStatus()),
            encoding,
            body,
            keepAlive);
    failure
        .retryAfterSeconds()
        .ifPresent(seconds -> response.headers().set(HttpHeaderNames.RETRY_AFTER, seconds));
    if (failure.rejection() == Rejection.METHOD_NOT_ALLOWED) {
      response.headers().set(HttpHeaderNames.ALLOW, "POST");
    }
    return response;
  }

  private static FullHttpResponse response(
      HttpResponseStatus status, BodyEncoding encoding, byte[] body, boolean keepAlive) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, encoding.mediaType());
    HttpUtil.setContentLength(response, body.length);
    // Said either way, so HTTP/1.0 clients that asked for keep-alive know they have it.
    response
        .headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return response;
  }
}
