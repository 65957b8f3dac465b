package otelgw.core.regex;

/**
 * A string that counts how often the matcher reads it and stops the matcher, by throwing, once it
 * has read {@code allowance} chars. Every regex step that looks at input goes through {@link
 * #charAt}, so reads are a fair measure of matching work, backtracking included.
 */
final class BudgetedText implements CharSequence {

  private final String text;
  private final long allowance;
  private long reads;

  BudgetedText(String text, long allowance) {
    this.text = text;
    this.allowance = allowance;
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
