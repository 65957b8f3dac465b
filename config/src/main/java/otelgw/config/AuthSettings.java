package otelgw.config;

import java.util.Optional;
import java.util.Set;

/**
 * An {@code auth} block, as the Collector's {@code configauth}: the extension that authenticates a
 * receiver protocol's requests, or that gives an exporter the credentials it sends.
 *
 * @param authenticator the extension, such as {@code bearertokenauth/backend}; it must be defined
 *     under {@code extensions} and listed in {@code service.extensions}
 */
public record AuthSettings(ExtensionRef authenticator) {

  /**
   * Reads an {@code auth} section; empty, with the problem reported to {@code node}, when it names
   * no valid component id.
   */
  public static Optional<AuthSettings> parse(ConfigNode node) {
    String text = node.string("authenticator", "").trim();
    node.finish(Set.of("authenticator"));
    if (text.isEmpty()) {
      node.error(
          "authenticator",
          "'authenticator' is required: the id of an authenticator extension, such as"
              + " bearertokenauth");
      return Optional.empty();
    }
    try {
      ComponentId id = ComponentId.parse(text);
      return Optional.of(
          new AuthSettings(
              new ExtensionRef(id, node.pathOf("authenticator"), node.lineOf("authenticator"))));
    } catch (IllegalArgumentException e) {
      node.error("authenticator", e.getMessage());
      return Optional.empty();
    }
  }
}
