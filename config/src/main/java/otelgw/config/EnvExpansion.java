package otelgw.config;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Collector's expansion of environment references in config values: {@code ${env:VAR}}, {@code
 * ${env:VAR:-default}}, {@code ${VAR}} and {@code $$} for a literal dollar.
 */
final class EnvExpansion {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvExpansion() {}

  /**
   * Expands every reference in {@code text}. A variable that is not set and has no default is
   * passed to {@code missing} and expands to the empty string.
   */
  static String expand(String text, Map<String, String> env, Consumer<String> missing) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
      } else if (text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (text.charAt(i + 1) == '{' && text.indexOf('}', i) > 0) {
        int close = text.indexOf('}', i);
        out.append(
            resolve(text.substring(i + 2, close), env, missing, text.substring(i, close + 1)));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String resolve(
      String reference, Map<String, String> env, Consumer<String> missing, String original) {
    String body = reference.startsWith("env:") ? reference.substring(4) : reference;
    int dash = body.indexOf(":-");
    String name = dash < 0 ? body : body.substring(0, dash);
    if (!NAME.matcher(name).matches()) {
      return original; // not ours: another provider's syntax, left as written
    }
    String value = env.get(name);
    if (value != null) {
      return value;
    }
    if (dash >= 0) {
      return body.substring(dash + 2);
    }
    missing.accept(name);
    return "";
  }
}
