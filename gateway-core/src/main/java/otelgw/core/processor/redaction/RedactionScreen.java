package otelgw.core.processor.redaction;

import java.nio.charset.StandardCharsets;
import otelgw.core.otlp.WireDepth;
import otelgw.core.otlp.walk.Site;
import otelgw.core.otlp.walk.TextField;
import otelgw.core.otlp.walk.WireAttribute;
import otelgw.core.otlp.walk.WireScreen;
import otelgw.core.otlp.walk.WireValue;
import otelgw.core.regex.MatchBudget;
import otelgw.core.regex.MatchTooCostlyException;

/**
 * The {@link Redactor}'s decisions taken ahead, on what the wire bytes show, without changing or
 * counting anything: a part may change where the redactor would remove, mask or summarize something
 * in it, or where a pattern gives up (the redactor counts that). Maps and arrays are not looked
 * into: they may change.
 *
 * <p>The work its patterns do is charged to the batch's budget as the redactor's would be; for a
 * part it flags, the redactor repeats that work, so the screen gives it back. Not thread-safe.
 */
final class RedactionScreen implements WireScreen {

  private final KeyRules keys;
  private final ValueRules values;
  private final MatchBudget budget;
  private final boolean summarizes;
  private final boolean looksWithin;
  private long partStart;

  RedactionScreen(
      KeyRules keys, ValueRules values, MatchBudget budget, Summary summary, int maxDepth) {
    this.keys = keys;
    this.values = values;
    this.budget = budget;
    // Every ignored key and allowed value is counted in the summary attributes, except when silent.
    this.summarizes = summary != Summary.SILENT;
    // Where only value regexes can change a part, its bytes can rule it out at once. Values nested
    // deeper than max_depth are masked whatever they hold, but no part that parses nests them that
    // deep once max_depth is half the parser's nesting limit: each level takes two messages.
    this.looksWithin =
        !keys.looksAtKeys() && values.looksWithin() && maxDepth >= WireDepth.MAX_DEPTH / 2;
  }

  /**
   * Rules out a part whose bytes no value regex can match in: every string in it is there in UTF-8
   * (the SSN pattern's {@code [0-9]{3}-[0-9]{2}-[0-9]{4}} not found in a span's 800 bytes rules out
   * its 20 strings in one pass).
   */
  @Override
  public boolean beginPart(byte[] bytes, int start, int end) {
    partStart = budget.mark();
    return !looksWithin
        || !values.matchNothingWithin(
            new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
  }

  @Override
  public boolean mayChange(Site site, WireAttribute attribute) {
    boolean mayChange;
    try {
      mayChange = entryMayChange(attribute);
    } catch (MatchTooCostlyException e) {
      mayChange = true;
    }
    return flag(mayChange);
  }

  @Override
  public boolean mayChange(TextField field, String value) {
    boolean mayChange;
    try {
      mayChange = !value.isEmpty() && !values.allowedQuietly(value) && values.masks(value);
    } catch (MatchTooCostlyException e) {
      mayChange = true;
    }
    return flag(mayChange);
  }

  @Override
  public boolean mayChangeBody(WireValue body) {
    boolean mayChange;
    try {
      mayChange = valueMayChange(body, false);
    } catch (MatchTooCostlyException e) {
      mayChange = true;
    }
    return flag(mayChange);
  }

  /**
   * The steps of {@code Redactor.entry}, in its order; the key is not even decoded where no rule
   * looks at keys.
   */
  private boolean entryMayChange(WireAttribute attribute) throws MatchTooCostlyException {
    boolean byKey = keys.looksAtKeys();
    String key = byKey ? attribute.key() : "";
    if (byKey && keys.ignoredQuietly(key)) {
      return summarizes;
    }
    if (byKey && keys.removes(key)) {
      return true;
    }
    WireValue value = attribute.value();
    boolean isString = value.kind() == WireValue.Kind.STRING;
    if (isString && values.allowedQuietly(value.string())) {
      return summarizes;
    }
    return (byKey && keys.blocks(key)) || valueMayChange(value, isString);
  }

  /** The steps of {@code Redactor.value} at the top level, where no depth limit applies. */
  private boolean valueMayChange(WireValue value, boolean allowChecked)
      throws MatchTooCostlyException {
    return switch (value.kind()) {
      case STRING -> {
        String text = value.string();
        if (text.isEmpty()) {
          yield false;
        }
        if (!allowChecked && values.allowedQuietly(text)) {
          yield summarizes;
        }
        yield values.masks(text);
      }
      case INT -> values.readsAsCardNumber(value.intValue());
      case NONE, OTHER_SCALAR -> false;
      case UNREAD -> true;
    };
  }

  /** Gives back the work spent on a part the redactor will walk. */
  private boolean flag(boolean mayChange) {
    if (mayChange) {
      budget.rewind(partStart);
    }
    return mayChange;
  }
}
