package otelgw.core.regex;

/**
 * A window of a string that counts how often the matcher reads it and stops the matcher, by
 * throwing, once it has read {@code allowance} chars. Every regex step that looks at input goes
 * through {@link #charAt}, so reads are a fair measure of matching work, backtracking included.
 */
final class BudgetedText implements CharSequence {

  private final String text;
  private final int offset;
  private final int length;
  private final long allowance;
  private long reads;

  BudgetedText(String text, int offset, int length, long allowance) {
    this.text = text;
    this.offset = offset;
    this.length = length;
    this.allowance = allowance;
  }

  long reads() {
    return reads;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (++reads > allowance) {
      throw BudgetExceeded.INSTANCE;
    }
    return text.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    // Only used to copy out groups after a match: not matching work.
    return text.substring(offset + start, offset + end);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }
}
