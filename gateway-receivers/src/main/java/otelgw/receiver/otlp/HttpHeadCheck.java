package otelgw.receiver.otlp;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import otelgw.core.component.ServerAuthenticator;
import otelgw.core.error.RefusedException;

/**
 * The checks on an OTLP/HTTP request's head, made before any of its body is read, so that a request
 * that will be refused costs no body buffer.
 */
final class HttpHeadCheck {

  private HttpHeadCheck() {}

  /**
   * Why the head of a request rules it out, or null if it may go on to its body. {@code intake},
   * {@code encoding} and {@code coding} are what the head names, null where it names none known.
   */
  static ReceiverFailure check(
      HttpRequest request,
      SignalIntake<?, ?> intake,
      BodyEncoding encoding,
      ContentCoding coding,
      HttpServerContext server) {
    // First, so that a client without credentials learns nothing, not even which paths exist.
    ServerAuthenticator auth = server.auth();
    if (auth != null && !auth.authenticate(request.headers().get(auth.header()))) {
      return new ReceiverFailure(
          Rejection.UNAUTHENTICATED,
          "the request has no valid credentials in its '" + auth.header() + "' header");
    }
    if (intake == null) {
      return new ReceiverFailure(
          Rejection.UNKNOWN_PATH,
          "nothing is served at this path; OTLP export requests go to " + server.routes().paths());
    }
    if (!HttpMethod.POST.equals(request.method())) {
      return new ReceiverFailure(
          Rejection.METHOD_NOT_ALLOWED, "OTLP export requests must use POST");
    }
    if (server.draining().get()) {
      return ReceiverFailure.of(
          RefusedException.of(RefusedException.Reason.SHUTTING_DOWN), intake.signal());
    }
    if (!intake.hasPipeline()) {
      return intake.noPipeline();
    }
    if (encoding == null) {
      return new ReceiverFailure(
          Rejection.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/x-protobuf or application/json");
    }
    if (coding == null) {
      return new ReceiverFailure(
          Rejection.UNSUPPORTED_MEDIA_TYPE,
          ContentCoding.unsupported(request.headers().get(HttpHeaderNames.CONTENT_ENCODING)));
    }
    long length = HttpUtil.getContentLength(request, -1L);
    if (length > server.maxBodySize()) {
      return new ReceiverFailure(
          Rejection.TOO_LARGE,
          BodyTooLargeException.sent(length, server.maxBodySize()).getMessage());
    }
    return null;
  }

  /** Why the codec could not read the head. */
  static ReceiverFailure unreadable(HttpRequest request, HttpServerContext server) {
    Throwable cause = request.decoderResult().cause();
    if (cause instanceof TooLongHttpHeaderException) {
      return new ReceiverFailure(
          Rejection.HEAD_TOO_LARGE,
          "the request headers are larger than max_header_size, "
              + server.maxHeaderSize()
              + " bytes");
    }
    if (cause instanceof TooLongHttpLineException) {
      return new ReceiverFailure(
          Rejection.HEAD_TOO_LARGE,
          "the request line is longer than max_request_line_size, "
              + server.maxRequestLineSize()
              + " bytes");
    }
    return new ReceiverFailure(Rejection.MALFORMED, "the request is not valid HTTP/1.1");
  }

  /**
   * Whether to close the connection after refusing a head, rather than read and drop its body to
   * keep the connection. Dropping costs at most the body limit; a longer declared body, a client
   * waiting for "100 Continue" before it sends one, or a server shutting down means closing; so
   * does a client without credentials, whose body is never read.
   */
  static boolean closesAfterRefusal(HttpRequest request, ReceiverFailure failure, int maxBodySize) {
    return HttpUtil.is100ContinueExpected(request)
        || HttpUtil.getContentLength(request, 0L) > maxBodySize
        || failure.rejection() == Rejection.REFUSED
        || failure.rejection() == Rejection.UNAUTHENTICATED;
  }
}
