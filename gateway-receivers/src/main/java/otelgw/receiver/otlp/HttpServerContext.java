package otelgw.receiver.otlp;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import otelgw.config.ComponentId;

/**
 * What every connection of one HTTP server shares.
 *
 * @param id the receiver, for logs
 * @param routes which signal is posted where
 * @param maxBodySize {@code max_request_body_size}, in bytes
 * @param decoders the bounded pool that inflates and decodes JSON off the event loop
 * @param draining set once the server stops accepting requests
 */
record HttpServerContext(
    ComponentId id,
    HttpRoutes routes,
    int maxBodySize,
    Executor decoders,
    AtomicBoolean draining) {}
