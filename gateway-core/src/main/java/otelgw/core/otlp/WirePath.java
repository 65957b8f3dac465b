package otelgw.core.otlp;

/**
 * Where the items sit in a message: for each nesting level, the field numbers that lead one level
 * down; the fields of the last level are the items counted.
 */
final class WirePath {
  static final int NO_ONEOF = -1;

  private final int[][] levels;
  private final int oneofLevel;

  /**
   * @param oneofLevel the level whose fields are members of one oneof (such as a metric's gauge,
   *     sum, histogram, ...), where a later member replaces an earlier one; or {@link #NO_ONEOF}
   * @param levels the field numbers of each level, outermost first; every one repeated or a oneof
   *     member
   */
  WirePath(int oneofLevel, int[]... levels) {
    if (levels.length == 0 || oneofLevel >= levels.length - 1) {
      throw new IllegalArgumentException("a path needs a level to count below any oneof level");
    }
    this.levels = levels.clone();
    this.oneofLevel = oneofLevel;
  }

  int depth() {
    return levels.length;
  }

  boolean isOneofLevel(int level) {
    return level == oneofLevel;
  }

  boolean leadsDown(int level, int fieldNumber) {
    for (int number : levels[level]) {
      if (number == fieldNumber) {
        return true;
      }
    }
    return false;
  }
}
