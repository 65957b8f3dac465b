package otelgw.core.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrefilterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[\\w.+-]+@[\\w-]+\\.[\\w.]+ | @",
        "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+ | eyJ",
        "4[0-9]{12}(?:[0-9]{3})? | 4",
        "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b | -",
        "://[^:/\\s]+:[^@/\\s]+@ | ://",
        "-----BEGIN [A-Z ]*PRIVATE KEY----- | PRIVATE KEY-----",
        "AKIA[0-9A-Z]{16} | AKIA",
        "colou?r | colo",
        "ab+c | ab",
        "a{2}bc | bc",
        "x*yz | yz",
        "a.b | a",
        "(?:abc)def | def",
        "(?i:abc)def | def",
        "x(?=y)yz | yz",
        "[ab]]c | ]c",
      })
  void findsTheLongestPlainTextEveryMatchHolds(String regex, String required) {
    assertThat(Prefilter.of(regex).required()).isEqualTo(required);
    assertThat(Pattern.compile(regex)).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[\\w.+-]+@[\\w-]+\\.[\\w.]+ | 5",
        "4[0-9]{12}(?:[0-9]{3})? | 13",
        "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b | 11",
        "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+ | 8",
        "colou?r | 5",
        "a{2,5}b*c+ | 3",
        "x(?=y)yz | 3",
        "(?:abc)?d | 1",
        "^\\d\\s.$ | 3",
        "\\d+ | 1",
        "(a+)+$ | 0",
      })
  void countsTheFewestCharsAMatchTakes(String regex, int minLength) {
    assertThat(Prefilter.of(regex).minLength()).isEqualTo(minLength);
  }

  @Test
  void rulesOutTextsTooShortOrWithoutTheRequiredText() {
    Prefilter card = Prefilter.of("4[0-9]{12}(?:[0-9]{3})?");
    assertThat(card.rulesOut("4111")).isTrue();
    assertThat(card.rulesOut("card 4111111111111111")).isFalse();
    Prefilter email = Prefilter.of("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    assertThat(email.rulesOut("no at sign in this long text")).isTrue();
    assertThat(email.rulesOut("x@y.z")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(?i)bearer\\s+\\S+",
        "abc|def",
        "\\Qa.b\\E",
        "\\x41BC",
        "\\p{Alpha}+xyz",
        "(a)\\1",
        "[]a]b",
        "[^]a]b",
      })
  void rulesNothingOutWhenItCannotBeSure(String regex) {
    assertThat(Prefilter.of(regex)).isSameAs(Prefilter.NONE);
  }

  @Test
  void aCharOutsideTheBasicPlaneGivesNoRequirement() {
    assertThat(Prefilter.of("\uD83D\uDE00?abc")).isSameAs(Prefilter.NONE);
  }

  @Test
  void neverRulesOutATextWithAMatch() {
    List<String> regexes =
        List.of(
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
            "colou?r",
            "ab+c",
            "a{2}bc",
            "x(?=y)yz",
            "-----BEGIN [A-Z ]*PRIVATE KEY-----",
            "[ab]]c",
            "4[0-9]{12}(?:[0-9]{3})?",
            "a{2,5}b*c+");
    List<String> texts =
        List.of(
            "mail me at a.b+c@example.com today",
            "color colour",
            "abbbc",
            "aabc",
            "xyz",
            "-----BEGIN RSA PRIVATE KEY-----",
            "b]c",
            "4111111111111111",
            "aac aaaaabbc",
            "nothing here");
    for (String regex : regexes) {
      Pattern pattern = Pattern.compile(regex);
      Prefilter prefilter = Prefilter.of(regex);
      for (String text : texts) {
        if (pattern.matcher(text).find()) {
          assertThat(prefilter.rulesOut(text)).as("%s in %s", regex, text).isFalse();
        }
      }
    }
  }
}
