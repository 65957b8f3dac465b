package otelgw.core.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import org.junit.jupiter.api.Test;

class GuardedPatternTest {

  private final MatchBudget budget = new MatchBudget();

  @Test
  void catastrophicBacktrackingIsCutOffFast() {
    GuardedPattern pattern = GuardedPattern.compile("(a+)+$", GuardedPattern.DEFAULT_INPUT_LIMIT);
    String hostile = "a".repeat(30_000) + "b";

    long start = System.nanoTime();
    assertThatThrownBy(() -> pattern.find(hostile, budget))
        .isInstanceOf(MatchTooCostlyException.class);
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.println("(a+)+$ on 30,001 chars gave up after " + millis + " ms");
    assertThat(millis).isLessThan(1000);
  }

  @Test
  void deepRecursionCountsAsTooCostly() {
    GuardedPattern pattern = GuardedPattern.compile("(a|b)*c", GuardedPattern.DEFAULT_INPUT_LIMIT);

    // Ends in 'c', so that the matcher runs rather than being passed over (see RequiredText).
    assertThatThrownBy(() -> pattern.find("ab".repeat(2048) + "c", budget))
        .isInstanceOf(MatchTooCostlyException.class);
  }

  @Test
  void wellBehavedPatternsFinishWithinTheBudget() throws Exception {
    // Quadratic on a run without '@', and still well inside one window's budget.
    GuardedPattern email =
        GuardedPattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+", GuardedPattern.DEFAULT_INPUT_LIMIT);

    assertThat(email.find("x".repeat(500), budget)).isFalse();
    assertThat(email.find("mail me at jane@example.com today", budget)).isTrue();
  }

  @Test
  void longTextIsSearchedInOverlappingWindows() throws Exception {
    GuardedPattern pattern = GuardedPattern.compile("secret\\d{4}", 64);
    StringBuilder text = new StringBuilder();
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      text.append("x".repeat(7 + i % 13));
      expected.add(text.length());
      text.append("secret").append(1000 + i);
    }

    List<Integer> found = new ArrayList<>();
    pattern.findAll(
        text.toString(),
        budget,
        (start, end) -> {
          assertThat(text.substring(start, end)).matches("secret\\d{4}");
          if (!found.contains(start)) {
            found.add(start);
          }
        });

    assertThat(found).containsExactlyElementsOf(expected);
  }

  @Test
  void emptyMatchesAreNotReported() throws Exception {
    GuardedPattern pattern = GuardedPattern.compile("a*", GuardedPattern.DEFAULT_INPUT_LIMIT);
    List<String> found = new ArrayList<>();

    pattern.findAll("xxaaxa", budget, (start, end) -> found.add(start + "-" + end));

    assertThat(found).containsExactly("2-4", "5-6");
  }

  @Test
  void firstMatchLooksAtTheFirstWindowOnly() throws Exception {
    GuardedPattern pattern = GuardedPattern.compile("id=(?<id>\\d+)", 32);

    MatchResult match = pattern.firstMatch("path/id=42/rest", budget);
    assertThat(match).isNotNull();
    assertThat(match.group(1)).isEqualTo("42");
    assertThat(pattern.firstMatch("x".repeat(40) + "id=42", budget)).isNull();
  }

  @Test
  void aSpentBatchBudgetFailsEveryFurtherMatchUntilReset() throws Exception {
    GuardedPattern hostile = GuardedPattern.compile("(a+)+$", GuardedPattern.DEFAULT_INPUT_LIMIT);
    GuardedPattern simple = GuardedPattern.compile("x", GuardedPattern.DEFAULT_INPUT_LIMIT);
    budget.reset(0, 1);
    String text = "a".repeat(4000) + "b";
    int attempts = 0;
    while (!budget.exhausted()) {
      assertThatThrownBy(() -> hostile.find(text, budget))
          .isInstanceOf(MatchTooCostlyException.class);
      attempts++;
    }

    assertThat(attempts).isEqualTo((int) (MatchBudget.MIN_BATCH_READS / MatchBudget.WINDOW_READS));
    assertThatThrownBy(() -> simple.find("abc", budget))
        .isInstanceOf(MatchTooCostlyException.class);
    budget.reset(3, 1);
    assertThat(simple.find("abx", budget)).isTrue();
  }

  @Test
  void refusesATinyInputLimit() {
    assertThatThrownBy(() -> GuardedPattern.compile("a", 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
