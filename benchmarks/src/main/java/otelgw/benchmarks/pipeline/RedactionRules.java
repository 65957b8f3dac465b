package otelgw.benchmarks.pipeline;

import java.util.List;

/**
 * The {@code blocked_values} rule sets the benchmarks and the load test use: the first 5 are the
 * usual PII patterns (payment cards, e-mail, SSN, JWT); 20 adds common secrets and identifiers.
 * {@code benchmarks/configs/redaction5.yaml} lists the same five.
 */
public final class RedactionRules {

  private static final List<String> ALL =
      List.of(
          "4[0-9]{12}(?:[0-9]{3})?",
          "5[1-5][0-9]{14}",
          "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
          "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b",
          "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+",
          "3[47][0-9]{13}",
          "6(?:011|5[0-9]{2})[0-9]{12}",
          "AKIA[0-9A-Z]{16}",
          "ghp_[A-Za-z0-9]{36}",
          "xox[baprs]-[A-Za-z0-9-]{10,48}",
          "AIza[0-9A-Za-z_-]{35}",
          "sk_live_[0-9a-zA-Z]{24}",
          "(?i)bearer\\s+[a-z0-9._~+/-]+=*",
          "(?i)password=[^&\\s]+",
          "(?i)api[_-]?key=[^&\\s]+",
          "://[^:/\\s]+:[^@/\\s]+@",
          "-----BEGIN [A-Z ]*PRIVATE KEY-----",
          "\\+[1-9][0-9]{7,14}",
          "[A-CEGHJ-PR-TW-Z]{2}[0-9]{6}[A-D]",
          "(?:[0-9A-F]{2}:){5}[0-9A-F]{2}");

  private RedactionRules() {}

  /** The first {@code count} rules (0 to 20). */
  public static List<String> first(int count) {
    return ALL.subList(0, count);
  }

  /** A {@code redaction} section keeping every key and masking what the first rules match. */
  public static String yaml(int count) {
    StringBuilder yaml = new StringBuilder("allow_all_keys: true\nblocked_values:");
    if (count == 0) {
      yaml.append(" []");
    }
    yaml.append('\n');
    for (String rule : first(count)) {
      yaml.append("  - '").append(rule.replace("'", "''")).append("'\n");
    }
    return yaml.toString();
  }
}
