package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid OTLP/JSON the way a fuzzer that knows JSON does: on its tokens (strings, numbers,
 * literals, punctuation), replacing values with values of other types and hostile ones (huge
 * numbers, lone surrogates, wrong-length ids, deep nesting), dropping and repeating tokens, besides
 * raw byte edits. Deterministic for a seed.
 */
final class JsonMutator {

  private static final String[] VALUES = {
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "-9223372036854775809",
    "18446744073709551616",
    "1.5",
    "\"\"",
    "\"x\"",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "\"abc\"",
    "\"5b8efff798038103\"",
    "\"NaN\"",
    "\"Infinity\"",
    "{}",
    "[]",
    "[{}]",
    "{\"stringValue\":1}",
    "\"" + "9".repeat(400) + "\"",
    "{\"arrayValue\":{\"values\":" + "[".repeat(300) + "]".repeat(300) + "}}",
  };

  private final Random random;

  JsonMutator(Random random) {
    this.random = random;
  }

  byte[] mutate(byte[] json) {
    List<String> tokens = tokens(new String(json, UTF_8));
    int operations = 1 + random.nextInt(3);
    for (int i = 0; i < operations && !tokens.isEmpty(); i++) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(7)) {
        case 0 -> tokens.set(at, VALUES[random.nextInt(VALUES.length)]);
        case 1 -> tokens.remove(at);
        case 2 -> tokens.add(at, tokens.get(random.nextInt(tokens.size())));
        case 3 -> tokens.subList(at, tokens.size()).clear();
        case 4 -> {
          // A value nested deeper and deeper.
          int depth = 1 + random.nextInt(100);
          tokens.set(at, "[".repeat(depth) + tokens.get(at) + "]".repeat(depth));
        }
        case 5 -> {
          String token = tokens.get(at);
          int cut = token.isEmpty() ? 0 : random.nextInt(token.length());
          tokens.set(
              at, token.substring(0, cut) + (char) random.nextInt(0x3000) + token.substring(cut));
        }
        default -> {
          int other = random.nextInt(tokens.size());
          String swapped = tokens.get(at);
          tokens.set(at, tokens.get(other));
          tokens.set(other, swapped);
        }
      }
    }
    return String.join("", tokens).getBytes(UTF_8);
  }

  /** Strings (with their quotes), runs of other non-punctuation, and single punctuation marks. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (c == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(text.length(), i + 1);
      } else if ("{}[]:,".indexOf(c) >= 0) {
        i++;
      } else {
        while (i < text.length() && "{}[]:,\"".indexOf(text.charAt(i)) < 0) {
          i++;
        }
      }
      tokens.add(text.substring(start, i));
    }
    return tokens;
  }
}
