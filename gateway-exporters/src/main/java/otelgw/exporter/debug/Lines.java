package otelgw.exporter.debug;

/** Text built line by line with two-space indentation; one batch's output. */
final class Lines {

  private final StringBuilder text = new StringBuilder(256);

  /** Appends {@code line} at nesting {@code depth}. */
  Lines add(int depth, String line) {
    if (text.length() > 0) {
      text.append('\n');
    }
    for (int i = 0; i < depth; i++) {
      text.append("  ");
    }
    text.append(line);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
