package otelgw.config;

/**
 * A reference from one component's config to an extension, such as a receiver's {@code auth: {
 * authenticator: bearertokenauth }}, with where it was written so that a reference to an extension
 * that is not defined or not enabled is reported there.
 *
 * @param id the extension referred to
 * @param path the dotted YAML path of the reference
 * @param line 1-based line of the reference, or 0 when unknown
 */
public record ExtensionRef(ComponentId id, String path, int line) {}
