package otelgw.core.regex;

/**
 * A string that counts how often the matcher reads it and stops the matcher, by throwing, once it
 * has read {@code allowance} chars. Every regex step that looks at input goes through {@link
 * #charAt}, so reads are a fair measure of matching work, backtracking included. Reusable: {@link
 * #reset} points it at the next text, so that a thread's scans allocate nothing.
 */
final class BudgetedText implements CharSequence {

  private String text;
  private long allowance;
  private long reads;

  BudgetedText(String text, long allowance) {
    reset(text, allowance);
  }

  /** Reads {@code text} from now on, with a fresh allowance; returns this. */
  BudgetedText reset(String text, long allowance) {
    this.text = text;
    this.allowance = allowance;
    this.reads = 0;
    return this;
  }

  long reads() {
    return reads;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    if (++reads > allowance) {
      throw BudgetExceeded.INSTANCE;
    }
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    // Only used to copy out groups after a match: not matching work.
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
