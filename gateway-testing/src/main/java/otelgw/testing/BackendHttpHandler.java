package otelgw.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP side of the backend: {@code POST /v1/{traces,metrics,logs}} with an {@code
 * application/x-protobuf} body, optionally {@code Content-Encoding: gzip}. Errors carry a
 * serialized {@code google.rpc.Status}, as OTLP/HTTP specifies. JSON is not supported (415).
 */
final class BackendHttpHandler implements HttpHandler {

  private static final String PROTOBUF = "application/x-protobuf";

  private final RequestProcessor processor;

  private BackendHttpHandler(RequestProcessor processor) {
    this.processor = processor;
  }

  /** Binds {@code host:port} (0 picks a free port) and starts serving on {@code executor}. */
  static HttpServer start(String host, int port, RequestProcessor processor, Executor executor)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    server.createContext("/", new BackendHttpHandler(processor));
    // Our own executor: Slow faults block handler threads, never the server's dispatcher.
    server.setExecutor(executor);
    server.start();
    return server;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange);
      respond(exchange, route(exchange, body));
    } catch (IOException e) {
      // The client went away or the server was stopped mid-request; nothing left to answer.
    }
  }

  private RequestProcessor.Outcome route(HttpExchange exchange, byte[] compressed) {
    Optional<OtlpSignal> signal = signalFor(exchange.getRequestURI().getPath());
    if (signal.isEmpty()) {
      return rejection(404, "no OTLP service at " + exchange.getRequestURI().getPath());
    }
    if (!"POST".equals(exchange.getRequestMethod())) {
      return processor.malformed(signal.get(), 405, "use POST");
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(PROTOBUF)) {
      return processor.malformed(signal.get(), 415, "only " + PROTOBUF + " is supported");
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    byte[] body;
    if (encoding == null || encoding.isEmpty() || "identity".equalsIgnoreCase(encoding)) {
      body = compressed;
    } else if ("gzip".equalsIgnoreCase(encoding)) {
      try {
        body = gunzip(compressed);
      } catch (IOException e) {
        return processor.malformed(signal.get(), 400, "malformed gzip body: " + e.getMessage());
      }
    } else {
      return processor.malformed(signal.get(), 400, "unsupported Content-Encoding " + encoding);
    }
    Message request;
    try {
      request = OtlpMessages.parseRequest(signal.get(), body);
    } catch (InvalidProtocolBufferException e) {
      return processor.malformed(signal.get(), 400, "malformed request: " + e.getMessage());
    }
    return processor.process(
        signal.get(), Transport.HTTP, headers(exchange), request, ByteString.copyFrom(body));
  }

  private static Optional<OtlpSignal> signalFor(String path) {
    for (OtlpSignal signal : OtlpSignal.values()) {
      if (signal.httpPath().equals(path)) {
        return Optional.of(signal);
      }
    }
    return Optional.empty();
  }

  private static RequestProcessor.Outcome rejection(int httpStatus, String message) {
    return new RequestProcessor.Rejected(
        new Fault.Reject(
            httpStatus, FaultMapping.grpcCodeFor(httpStatus), Optional.empty(), message));
  }

  private static void respond(HttpExchange exchange, RequestProcessor.Outcome outcome)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
    if (outcome instanceof RequestProcessor.Accepted accepted) {
      send(exchange, 200, accepted.response().toByteArray());
    } else if (outcome instanceof RequestProcessor.Rejected rejected) {
      Fault.Reject reject = rejected.reject();
      reject
          .retryAfter()
          .ifPresent(
              delay ->
                  exchange
                      .getResponseHeaders()
                      .set("Retry-After", FaultMapping.retryAfterHeader(delay)));
      send(exchange, reject.httpStatus(), FaultMapping.rpcStatus(reject).toByteArray());
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    // For HttpExchange, -1 means "no body" while 0 would mean "chunked".
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static byte[] gunzip(byte[] compressed) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    }
  }

  private static Map<String, List<String>> headers(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return headers;
  }
}
