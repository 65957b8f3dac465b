package otelgw.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials a URL may hold in its userinfo ({@code https://user:pass@host}). Masks their
 * password wherever a URL stands in a value (an endpoint, a proxy setting, a string that merely
 * contains one: {@code https://user:***@host}; the user name is kept, so the output still says who
 * connects), and turns them into HTTP Basic credentials, as the Collector's HTTP client does.
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

  /** {@code url} without its userinfo: where to send, and what to name in messages. */
  public static URI withoutUserinfo(URI url) {
    if (url.getRawUserInfo() == null) {
      return url;
    }
    String authority = url.getRawAuthority();
    StringBuilder stripped =
        new StringBuilder(url.getScheme())
            .append("://")
            .append(authority, authority.lastIndexOf('@') + 1, authority.length());
    if (url.getRawPath() != null) {
      stripped.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      stripped.append('?').append(url.getRawQuery());
    }
    if (url.getRawFragment() != null) {
      stripped.append('#').append(url.getRawFragment());
    }
    return URI.create(stripped.toString());
  }

  /**
   * The {@code Authorization} value HTTP Basic makes of {@code url}'s userinfo, percent-decoded; a
   * user without a password has an empty one, as in Go's client.
   */
  public static Optional<String> basicAuthorization(URI url) {
    String userinfo = url.getUserInfo();
    if (userinfo == null) {
      return Optional.empty();
    }
    String credentials = userinfo.indexOf(':') < 0 ? userinfo + ":" : userinfo;
    return Optional.of(
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }
}
