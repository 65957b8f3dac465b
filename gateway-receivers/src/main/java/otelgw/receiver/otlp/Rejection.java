package otelgw.receiver.otlp;

import io.grpc.Status;

/**
 * Why the receiver did not take a request, and the status each transport answers with. The one
 * place where failures meet wire codes: OTLP/gRPC answers the gRPC code, OTLP/HTTP the HTTP status
 * with a {@code google.rpc.Status} body carrying the same gRPC code.
 */
enum Rejection {
  /** The body is not a valid export request: fix the sender, do not retry. */
  MALFORMED(400, Status.Code.INVALID_ARGUMENT),
  /** The body is over the configured size limit: send smaller batches, do not retry as is. */
  TOO_LARGE(413, Status.Code.RESOURCE_EXHAUSTED),
  /** The request head (line or headers) is over its limit. */
  HEAD_TOO_LARGE(431, Status.Code.RESOURCE_EXHAUSTED),
  /** Missing or wrong credentials: the request was not read. */
  UNAUTHENTICATED(401, Status.Code.UNAUTHENTICATED),
  /** otelgw cannot take more now: retry after the delay given. */
  REFUSED(503, Status.Code.UNAVAILABLE),
  /** This receiver serves the signal, but no pipeline takes it from here. */
  NO_PIPELINE(404, Status.Code.UNIMPLEMENTED),
  /** No signal is posted to this path. */
  UNKNOWN_PATH(404, Status.Code.NOT_FOUND),
  /** Export requests are POSTed. */
  METHOD_NOT_ALLOWED(405, Status.Code.UNIMPLEMENTED),
  /** A content type or content encoding the receiver does not decode. */
  UNSUPPORTED_MEDIA_TYPE(415, Status.Code.INVALID_ARGUMENT),
  /** A fault in otelgw, not in the request. */
  INTERNAL(500, Status.Code.INTERNAL);

  private final int httpStatus;
  private final Status.Code grpcCode;

  Rejection(int httpStatus, Status.Code grpcCode) {
    this.httpStatus = httpStatus;
    this.grpcCode = grpcCode;
  }

  int httpStatus() {
    return httpStatus;
  }

  Status.Code grpcCode() {
    return grpcCode;
  }
}
