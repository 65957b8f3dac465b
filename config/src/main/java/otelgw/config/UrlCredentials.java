package otelgw.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the password of URL userinfo ({@code https://user:pass@host} becomes {@code
 * https://user:***@host}) wherever a URL stands in a value: an endpoint, a proxy setting, a string
 * that merely contains one. The user name is kept, so the output still says who connects.
 */
public final class UrlCredentials {

  /** What a password is replaced with. */
  public static final String MASK = "***";

  // scheme "://" user ":" password "@": the user stops at ':', the password at '@' (which userinfo
  // must percent-encode); neither crosses a '/', whitespace or a quote.
  private static final Pattern USERINFO =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@'\"]*):([^/\\s@'\"]*)@");

  private UrlCredentials() {}

  /** {@code value} with the password of every URL in it masked; itself when there is none. */
  public static String mask(String value) {
    if (value == null || !value.contains("://") || value.indexOf('@') < 0) {
      return value;
    }
    Matcher matcher = USERINFO.matcher(value);
    return matcher.find()
        ? matcher.replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@")
        : value;
  }
}
