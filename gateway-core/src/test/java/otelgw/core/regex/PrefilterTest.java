package otelgw.core.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
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
        "[\\w.+-]+@[\\w-]+\\.[\\w.]+ | 5",
        "@[a-z]+\\.com | 6",
        "x[^y]+y[0-9]+z | 4",
        "a[ab]+c | 2",
        "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+ | 4",
        "4[0-9]{12}(?:[0-9]{3})? | 13",
        "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b | 11",
        "://[^:/\\s]+:[^@/\\s]+@ | 6",
        "-----BEGIN [A-Z ]*PRIVATE KEY----- | 16",
        "colou?r | 4",
        "ab+c | 3",
        "(?i)password=[^&\\s]+ | 10",
        "(?i)bearer\\s+[a-z0-9._~+/-]+=* | 8",
        "a{2}bc | 4",
        "a{2,5}b | 3",
        "x*yz | 2",
        "a.b | 3",
        "(?:abc)def | 3",
        "x(?=y)yz | 2",
        "[ab]]c | 3",
        "^\\d{3}\\.\\d+$ | 5",
        "[\\p{L}]x | 2",
      })
  void findsTheMostTellingRunEveryMatchHolds(String regex, int runLength) {
    assertThat(Prefilter.of(regex).runLength()).isEqualTo(runLength);
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
  void rulesOutTextsTooShortOrWithoutTheRun() {
    Prefilter card = Prefilter.of("4[0-9]{12}(?:[0-9]{3})?");
    assertThat(card.rulesOut("4111")).isTrue();
    assertThat(card.rulesOut("ip-10-12-34-56.eu-west-1.compute.internal")).isTrue();
    assertThat(card.rulesOut("card 4111111111111111")).isFalse();
    Prefilter ssn = Prefilter.of("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
    assertThat(ssn.rulesOut("7f3c9a2e-5b1d-4e8f-9c6a-2d4b8e1f0a37")).isTrue();
    assertThat(ssn.rulesOut("ssn 123-45-6789")).isFalse();
    Prefilter email = Prefilter.of("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    assertThat(email.rulesOut("no at sign in this long text")).isTrue();
    assertThat(email.rulesOut("an @ alone")).isTrue();
    assertThat(email.rulesOut("x@y.z")).isFalse();
  }

  @Test
  void aLeadingCaseInsensitiveFlagFoldsTheCaseOfAsciiLetters() {
    Prefilter password = Prefilter.of("(?i)password=[^&\\s]+");
    assertThat(password.rulesOut("PassWord=hunter2")).isFalse();
    assertThat(password.rulesOut("pass=hunter2")).isTrue();
    assertThat(password.rulesOut("PASSWORD: hunter2")).isTrue();
  }

  /**
   * Between neighbours that hold none of its chars, a one-or-more class stretches over as many
   * chars as the text has: an e-mail pattern asks for a dot after the word behind the {@code @},
   * which the {@code @} of a binary id or a handle does not have.
   */
  @Test
  void aClassOfOneOrMoreStretchesBetweenItsNeighbours() {
    Prefilter email = Prefilter.of("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
    assertThat(email.rulesOut("\u0001k@Zq\u0002\u00104")).isTrue();
    assertThat(email.rulesOut("ask @team-lead or me")).isTrue();
    assertThat(email.rulesOut("mail a.b@team-lead.example.com")).isFalse();
    Prefilter stretchAfterStretch = Prefilter.of("1[a-c]+[e0]+5");
    assertThat(stretchAfterStretch.rulesOut("1abce0e")).isTrue();
    assertThat(stretchAfterStretch.rulesOut("1abce0e5")).isFalse();
  }

  @Test
  void aClassThatMayHoldCharsAboveAsciiKeepsThem() {
    assertThat(Prefilter.of("a.b").rulesOut("a\u00e9b")).isFalse();
    assertThat(Prefilter.of("a.b").rulesOut("a\uD83D\uDE00b")).isFalse();
    assertThat(Prefilter.of("[^x]yz").rulesOut("\uD83D\uDE00yz")).isFalse();
    assertThat(Prefilter.of("\\wb").rulesOut("\u00e9b")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "(?s)a.b",
        "(?iu)k",
        "a(?i)bc",
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

  /**
   * Random texts over an alphabet the regexes care about, with chars above ASCII and surrogate
   * pairs: whatever the matcher finds, the prefilter must not rule out.
   */
  @Test
  void neverRulesOutARandomTextWithAMatch() {
    List<String> regexes =
        List.of(
            "4[0-9]{12}(?:[0-9]{3})?",
            "5[1-5][0-9]{4}",
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
            "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b",
            "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+",
            "a.b.c",
            "[^a]{2}b",
            "\\S\\d\\W",
            "\\s+[-a]{2,3}x?\\D",
            "[a-c&&[^b]]\\.b",
            "^a\\b.$",
            "[\\u00e9]b",
            "\\ha\\V",
            "a[bc]+e",
            "@[\\w-]+\\.[\\w.]+",
            "[ab]+-[c\\d]{1,3}@",
            "e[^a@]+@",
            "1[a-c]+[e0]+5",
            "J\\s+[-.]+b",
            "a\\w+\u00e9",
            "(?i)ab[^c]",
            "(?i)[^a]b",
            "(?i)e\\s+[a-c]+\\.",
            "(?i)ks");
    String[] alphabet = {
      "a",
      "b",
      "c",
      "e",
      "y",
      "J",
      "4",
      "5",
      "1",
      "0",
      "-",
      "@",
      ".",
      " ",
      "\n",
      "\t",
      "_",
      "é",
      "\u00a0",
      "\uD83D\uDE00",
      "\u2028",
      "A",
      "B",
      "E",
      "k",
      "K",
      "s",
      "\u212A",
      "\u017F"
    };
    SplittableRandom random = new SplittableRandom(7);
    for (String regex : regexes) {
      Pattern pattern = Pattern.compile(regex);
      Prefilter prefilter = Prefilter.of(regex);
      int matched = 0;
      int ruledOut = 0;
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(24);
        for (int j = 0; j < length; j++) {
          text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        boolean found = pattern.matcher(text).find();
        boolean out = prefilter.rulesOut(text.toString());
        assertThat(found && out).as("%s ruled out %s", regex, text).isFalse();
        matched += found ? 1 : 0;
        ruledOut += out ? 1 : 0;
      }
      assertThat(ruledOut).as("texts %s rules out", regex).isPositive();
    }
  }

  /**
   * The random texts of {@link #neverRulesOutARandomTextWithAMatch} in UTF-8, between random bytes
   * as in a message's encoding: wherever the text holds a match, its bytes are not ruled out.
   */
  @Test
  void neverRulesOutTheBytesAroundATextWithAMatch() {
    List<String> regexes =
        List.of(
            "4[0-9]{12}(?:[0-9]{3})?",
            "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
            "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b",
            "eyJ[a-zA-Z0-9_-]+\\.[a-zA-Z0-9_-]+",
            "_\\w{2}\\d",
            "\\s[-e]{2}\\d",
            "@[\\w-]+\\.[\\w.]+",
            "J[-.]+4[ey]+0");
    String[] alphabet = {
      "e", "y", "J", "4", "1", "0", "-", "@", ".", "_", " ", "é", "\uD83D\uDE00"
    };
    SplittableRandom random = new SplittableRandom(13);
    for (String regex : regexes) {
      Pattern pattern = Pattern.compile(regex);
      Prefilter prefilter = Prefilter.of(regex);
      int ruledOut = 0;
      for (int i = 0; i < 20_000; i++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int j = 0; j < length; j++) {
          text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        byte[] around = new byte[random.nextInt(12)];
        random.nextBytes(around);
        String bytes =
            new String(around, StandardCharsets.ISO_8859_1)
                + new String(
                    text.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                + new String(around, StandardCharsets.ISO_8859_1);
        boolean out = prefilter.rulesOutWithin(bytes);
        assertThat(pattern.matcher(text).find() && out)
            .as("%s ruled out %s", regex, text)
            .isFalse();
        ruledOut += out ? 1 : 0;
      }
      assertThat(ruledOut).as("bytes %s rules out", regex).isPositive();
      assertThat(prefilter.looksWithin()).isTrue();
    }
  }

  @Test
  void onlyRunsOfAsciiClassesLookWithinBytes() {
    // é is two bytes in UTF-8, and [^a] may be either: such runs tell nothing about bytes.
    assertThat(Prefilter.of("[\\u00e9]bc").looksWithin()).isFalse();
    assertThat(Prefilter.of("x[^a]yz").looksWithin()).isFalse();
    assertThat(Prefilter.of("x[^a]yz").rulesOutWithin("nothing")).isFalse();
    assertThat(Prefilter.NONE.looksWithin()).isFalse();

    Prefilter card = Prefilter.of("4[0-9]{12}");
    assertThat(card.rulesOutWithin("\u00c3\u00a9 4111 1111 1111 1111 \u0000\u00ff")).isTrue();
    assertThat(card.rulesOutWithin("\u00c3\u00a94111111111111111\u00ff")).isFalse();
  }

  /** Texts built to match: the generated ones rarely hold a whole card or SSN. */
  @Test
  void neverRulesOutPlantedMatches() {
    SplittableRandom random = new SplittableRandom(11);
    Prefilter card = Prefilter.of("4[0-9]{12}(?:[0-9]{3})?");
    Prefilter ssn = Prefilter.of("\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b");
    for (int i = 0; i < 1_000; i++) {
      String prefix = "\uD83D\uDE00 4-".repeat(random.nextInt(3));
      String digits = Long.toString(1_000_000_000_000L + random.nextLong(8_999_999_999_999L));
      assertThat(card.rulesOut(prefix + "4" + digits.substring(1) + "é")).isFalse();
      String number =
          digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5, 9);
      assertThat(ssn.rulesOut(prefix + number)).isFalse();
    }
  }
}
