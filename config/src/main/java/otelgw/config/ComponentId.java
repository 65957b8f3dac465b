package otelgw.config;

import java.util.regex.Pattern;

/**
 * A component's identity, {@code type[/name]}: {@code otlp}, {@code otlp/backend}. The type picks
 * the factory; the name tells instances of one type apart.
 */
public record ComponentId(String type, String name) implements Comparable<ComponentId> {

  private static final Pattern TYPE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");
  private static final Pattern NAME = Pattern.compile("[^\\s/]{1,1024}");

  public ComponentId {
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "invalid component type '" + type + "': expected a letter then letters, digits or '_'");
    }
    if (!name.isEmpty() && !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid component name '" + name + "': no spaces or '/' allowed");
    }
  }

  /**
   * Parses {@code type} or {@code type/name}; throws {@link IllegalArgumentException} if neither.
   */
  public static ComponentId parse(String id) {
    int slash = id.indexOf('/');
    if (slash >= 0 && slash == id.length() - 1) {
      // Otherwise "otlp/" would silently be the same component as "otlp".
      throw new IllegalArgumentException(
          "invalid component id '" + id + "': expected a name after '/'");
    }
    return slash < 0
        ? new ComponentId(id, "")
        : new ComponentId(id.substring(0, slash), id.substring(slash + 1));
  }

  @Override
  public int compareTo(ComponentId other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return name.isEmpty() ? type : type + "/" + name;
  }
}
