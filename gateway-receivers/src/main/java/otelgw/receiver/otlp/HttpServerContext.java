package otelgw.receiver.otlp;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import otelgw.config.ComponentId;
import otelgw.core.component.ServerAuthenticator;

/**
 * What every connection of one HTTP server shares.
 *
 * @param id the receiver, for logs
 * @param routes which signal is posted where
 * @param maxBodySize {@code max_request_body_size}, in bytes
 * @param decoders the bounded pool that inflates and decodes JSON off the event loop
 * @param draining set once the server stops accepting requests
 * @param auth checks each request's credentials before its body is read; null when the protocol has
 *     no {@code auth}
 * @param meters counts what the server turns away
 * @param readTimeout {@code read_timeout}
 * @param idleTimeout {@code idle_timeout}
 * @param maxRequestLineSize {@code max_request_line_size}, in bytes
 * @param maxHeaderSize {@code max_header_size}, in bytes
 */
record HttpServerContext(
    ComponentId id,
    HttpRoutes routes,
    int maxBodySize,
    Executor decoders,
    AtomicBoolean draining,
    ServerAuthenticator auth,
    ReceiverMeters meters,
    Duration readTimeout,
    Duration idleTimeout,
    int maxRequestLineSize,
    int maxHeaderSize) {}
