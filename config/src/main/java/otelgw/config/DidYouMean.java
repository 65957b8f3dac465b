package otelgw.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known word a typo was most likely meant to be. */
public final class DidYouMean {

  private DidYouMean() {}

  /** The closest of {@code known} to {@code typo}, if it is within a third of its length. */
  public static Optional<String> closest(String typo, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(typo, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.max(typo.length(), best == null ? 0 : best.length()) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String left = a.toLowerCase();
    String right = b.toLowerCase();
    int[] previous = new int[right.length() + 1];
    int[] current = new int[right.length() + 1];
    for (int j = 0; j <= right.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= left.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= right.length(); j++) {
        int substitution = previous[j - 1] + (left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[right.length()];
  }
}
