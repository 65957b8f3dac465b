package otelgw.core.processor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;

class RedactionConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  private RedactionConfig parse(String yaml) {
    return new RedactionFactory()
        .parseConfig(ConfigNode.parse(yaml, "processors.redaction", problems));
  }

  private List<String> errors() {
    return problems.all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(Object::toString)
        .toList();
  }

  @Test
  void defaultsFailClosedAndSayIt() {
    RedactionConfig config = parse("{}");

    assertThat(config.allowAllKeys()).isFalse();
    assertThat(config.allowedKeys()).isEmpty();
    assertThat(config.hashFunction()).isEqualTo(HashFunction.NONE);
    assertThat(config.summary()).isEqualTo(Summary.SILENT);
    assertThat(config.detectors()).isEmpty();
    assertThat(config.regexInputLimit()).isEqualTo(4096);
    assertThat(config.maxDepth()).isEqualTo(64);
    assertThat(errors()).isEmpty();
    assertThat(problems.warnings())
        .extracting(Object::toString)
        .singleElement()
        .asString()
        .contains("processors.redaction.allowed_keys", "every attribute is removed");
  }

  @Test
  void hashFunctionMaskNamesTheDefault() {
    RedactionConfig config = parse("allow_all_keys: true\nhash_function: mask\n");

    assertThat(errors()).isEmpty();
    assertThat(config.hashFunction()).isEqualTo(HashFunction.NONE);
    assertThat(config).isEqualTo(parse("allow_all_keys: true\n"));
  }

  @Test
  void readsEveryKey() {
    RedactionConfig config =
        parse(
            """
            allow_all_keys: true
            allowed_keys: [a]
            ignored_keys: [b]
            ignored_key_patterns: ['^debug\\.']
            blocked_key_patterns: ['(?i)secret']
            blocked_values: ['\\d{4}']
            allowed_values: ['^ok$']
            hash_function: hmac-sha512
            hmac_key: k3y
            summary: info
            detectors: [credit_card, iban]
            regex_input_limit: 1024
            max_depth: 8
            """);

    assertThat(errors()).isEmpty();
    assertThat(config)
        .isEqualTo(
            new RedactionConfig(
                true,
                List.of("a"),
                List.of("b"),
                List.of("^debug\\."),
                List.of("(?i)secret"),
                List.of("\\d{4}"),
                List.of("^ok$"),
                HashFunction.HMAC_SHA512,
                "k3y",
                Summary.INFO,
                Set.of(Detector.CREDIT_CARD, Detector.IBAN),
                1024,
                8));
    assertThat(config.toString()).doesNotContain("k3y");
  }

  @Test
  void reportsEveryErrorWithItsPath() {
    parse(
        """
        blocked_values: ['ok', '[unclosed']
        detectors: [email, passport]
        hash_function: rot13
        summary: loud
        regex_input_limit: 4
        max_depth: 0
        allowed_key: [typo]
        """);

    assertThat(errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.redaction.blocked_values[1]", "not a valid regular expression"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("processors.redaction.detectors[1]", "unknown detector 'passport'"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.redaction.hash_function", "rot13", "mask, md5", "hmac-sha256"))
        .anySatisfy(
            e -> assertThat(e).contains("processors.redaction.summary", "debug, info, silent"))
        .anySatisfy(e -> assertThat(e).contains("processors.redaction.regex_input_limit"))
        .anySatisfy(e -> assertThat(e).contains("processors.redaction.max_depth"))
        .anySatisfy(
            e ->
                assertThat(e).contains("unknown key 'allowed_key'", "did you mean 'allowed_keys'"));
  }

  @Test
  void hmacNeedsAKey() {
    parse("allow_all_keys: true\nhash_function: hmac-sha256\n");

    assertThat(errors())
        .singleElement()
        .asString()
        .contains("processors.redaction.hmac_key", "required when hash_function is 'hmac-sha256'");
  }
}
