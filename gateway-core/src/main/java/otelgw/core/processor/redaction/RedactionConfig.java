package otelgw.core.processor.redaction;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import otelgw.config.ConfigNode;
import otelgw.core.regex.GuardedPattern;

/**
 * {@code redaction}, with the Collector contrib processor's keys and meanings, plus built-in
 * detectors and limits of otelgw's own.
 *
 * <p>Keys: an attribute whose key is in {@code ignored_keys} (or matches {@code
 * ignored_key_patterns}) is left alone; otherwise, unless {@code allow_all_keys}, one whose key is
 * not in {@code allowed_keys} is removed (fail closed: an empty list removes every attribute); one
 * whose key matches {@code blocked_key_patterns} has its whole value masked. Values: a string
 * matching {@code allowed_values} is left alone; otherwise each match of {@code blocked_values} or
 * of a {@code detectors} entry is masked. Key rules apply to the keys of nested maps at any depth
 * too, in attributes and in log bodies; value rules to every string, including span names, status
 * messages, event names and log bodies.
 *
 * @param allowAllKeys keep attributes whatever their key
 * @param allowedKeys the keys kept when {@code allowAllKeys} is false
 * @param ignoredKeys keys left alone entirely
 * @param ignoredKeyPatterns regexes over keys, left alone entirely
 * @param blockedKeyPatterns regexes over keys whose whole value is masked
 * @param blockedValues regexes whose matches in values are masked
 * @param allowedValues regexes exempting the values they match from masking
 * @param hashFunction what replaces a masked value: {@code ****} or a digest of it
 * @param hmacKey the key of the {@code hmac-} hash functions; a secret, never printed
 * @param summary the {@code redaction.*} attributes added to the data
 * @param detectors built-in scanners for payment cards, e-mail addresses, ...
 * @param regexInputLimit the most chars a regex sees at once; longer values are matched in
 *     overlapping windows, and an {@code allowed_values} pattern never exempts them
 * @param maxDepth the deepest nesting of maps and arrays inspected; where any key or value rule is
 *     configured, values nested deeper are masked whole
 */
public record RedactionConfig(
    boolean allowAllKeys,
    List<String> allowedKeys,
    List<String> ignoredKeys,
    List<String> ignoredKeyPatterns,
    List<String> blockedKeyPatterns,
    List<String> blockedValues,
    List<String> allowedValues,
    HashFunction hashFunction,
    String hmacKey,
    Summary summary,
    Set<Detector> detectors,
    int regexInputLimit,
    int maxDepth) {

  public static final Summary DEFAULT_SUMMARY = Summary.SILENT;
  public static final int DEFAULT_REGEX_INPUT_LIMIT = GuardedPattern.DEFAULT_INPUT_LIMIT;
  public static final int DEFAULT_MAX_DEPTH = 64;

  static final int MAX_REGEX_INPUT_LIMIT = 1 << 20;
  static final int MAX_MAX_DEPTH = 1000;

  public RedactionConfig {
    allowedKeys = List.copyOf(allowedKeys);
    ignoredKeys = List.copyOf(ignoredKeys);
    ignoredKeyPatterns = List.copyOf(ignoredKeyPatterns);
    blockedKeyPatterns = List.copyOf(blockedKeyPatterns);
    blockedValues = List.copyOf(blockedValues);
    allowedValues = List.copyOf(allowedValues);
    detectors = detectors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(detectors));
  }

  static RedactionConfig parse(ConfigNode node) {
    boolean allowAllKeys = node.bool("allow_all_keys", false);
    List<String> allowedKeys = node.strings("allowed_keys");
    int regexInputLimit = node.integer("regex_input_limit", DEFAULT_REGEX_INPUT_LIMIT);
    node.check(
        regexInputLimit >= GuardedPattern.MIN_INPUT_LIMIT
            && regexInputLimit <= MAX_REGEX_INPUT_LIMIT,
        "regex_input_limit",
        "must be between " + GuardedPattern.MIN_INPUT_LIMIT + " and " + MAX_REGEX_INPUT_LIMIT);
    HashFunction hashFunction = hashFunction(node);
    Optional<String> hmacKey = node.optionalString("hmac_key");
    if (hashFunction.isKeyed() && hmacKey.filter(key -> !key.isEmpty()).isEmpty()) {
      node.error("hmac_key", "required when hash_function is '" + hashFunction.configName() + "'");
    } else if (!hashFunction.isKeyed() && hmacKey.isPresent()) {
      node.warning("hmac_key", "ignored unless hash_function is hmac-sha256 or hmac-sha512");
    }
    int maxDepth = node.integer("max_depth", DEFAULT_MAX_DEPTH);
    node.check(
        maxDepth >= 1 && maxDepth <= MAX_MAX_DEPTH,
        "max_depth",
        "must be between 1 and " + MAX_MAX_DEPTH);
    RedactionConfig config =
        new RedactionConfig(
            allowAllKeys,
            allowedKeys,
            node.strings("ignored_keys"),
            patterns(node, "ignored_key_patterns"),
            patterns(node, "blocked_key_patterns"),
            patterns(node, "blocked_values"),
            patterns(node, "allowed_values"),
            hashFunction,
            hmacKey.orElse(""),
            node.enumValue("summary", DEFAULT_SUMMARY),
            detectors(node),
            regexInputLimit,
            maxDepth);
    if (!allowAllKeys && allowedKeys.isEmpty()) {
      node.warning(
          "allowed_keys",
          "empty and 'allow_all_keys' is false: every attribute is removed (set allow_all_keys:"
              + " true to keep attributes and only mask values)");
    }
    node.finish(
        Set.of(
            "allow_all_keys",
            "allowed_keys",
            "ignored_keys",
            "ignored_key_patterns",
            "blocked_key_patterns",
            "blocked_values",
            "allowed_values",
            "hash_function",
            "hmac_key",
            "summary",
            "detectors",
            "regex_input_limit",
            "max_depth"));
    return config;
  }

  private static HashFunction hashFunction(ConfigNode node) {
    Optional<String> name = node.optionalString("hash_function").filter(n -> !n.isEmpty());
    if (name.isEmpty()) {
      return HashFunction.NONE;
    }
    Optional<HashFunction> function = HashFunction.byName(name.get());
    if (function.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (HashFunction f : HashFunction.values()) {
        names.add(f.configName());
      }
      node.error(
          "hash_function",
          "unknown hash function '" + name.get() + "': use one of " + String.join(", ", names));
    }
    return function.orElse(HashFunction.NONE);
  }

  /** A list of regexes; each that does not compile is reported at {@code key[i]}. */
  private static List<String> patterns(ConfigNode node, String key) {
    List<String> patterns = node.strings(key);
    for (int i = 0; i < patterns.size(); i++) {
      try {
        GuardedPattern.compile(patterns.get(i), GuardedPattern.DEFAULT_INPUT_LIMIT);
      } catch (PatternSyntaxException e) {
        node.problems()
            .error(
                node.pathOf(key) + "[" + i + "]",
                node.lineOf(key),
                "not a valid regular expression: " + e.getDescription());
      }
    }
    return patterns;
  }

  private static Set<Detector> detectors(ConfigNode node) {
    List<String> names = node.strings("detectors");
    Set<Detector> detectors = EnumSet.noneOf(Detector.class);
    for (int i = 0; i < names.size(); i++) {
      Optional<Detector> detector = Detector.byName(names.get(i));
      if (detector.isPresent()) {
        detectors.add(detector.get());
      } else {
        List<String> known = new ArrayList<>();
        for (Detector d : Detector.values()) {
          known.add(d.configName());
        }
        node.problems()
            .error(
                node.pathOf("detectors") + "[" + i + "]",
                node.lineOf("detectors"),
                "unknown detector '" + names.get(i) + "': use one of " + String.join(", ", known));
      }
    }
    return detectors;
  }

  /** Everything but the HMAC key, which is a secret. */
  @Override
  public String toString() {
    return "RedactionConfig[allowAllKeys="
        + allowAllKeys
        + ", allowedKeys="
        + allowedKeys
        + ", ignoredKeys="
        + ignoredKeys
        + ", ignoredKeyPatterns="
        + ignoredKeyPatterns
        + ", blockedKeyPatterns="
        + blockedKeyPatterns
        + ", blockedValues="
        + blockedValues
        + ", allowedValues="
        + allowedValues
        + ", hashFunction="
        + hashFunction
        + ", hmacKey="
        + (hmacKey.isEmpty() ? "" : Masker.MASK)
        + ", summary="
        + summary
        + ", detectors="
        + detectors
        + ", regexInputLimit="
        + regexInputLimit
        + ", maxDepth="
        + maxDepth
        + "]";
  }
}
