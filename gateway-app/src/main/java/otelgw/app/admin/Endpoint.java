package otelgw.app.admin;

/**
 * What an admin path answers to {@code GET} (and, without the body, {@code HEAD}). Runs on the
 * admin server's event loop: it must answer in milliseconds and never wait on the data path.
 */
@FunctionalInterface
public interface Endpoint {

  Reply get();
}
