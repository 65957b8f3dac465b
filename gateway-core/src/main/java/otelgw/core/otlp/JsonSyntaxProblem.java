package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.List;
import java.util.Objects;

/**
 * Says what kind of syntax error Jackson found, and where, in words of our own. Jackson's messages
 * quote the input ("Unrecognized token 'Bearer abc…'"), and an error message goes back to the
 * client and into logs, so only the kind of error is kept, chosen by the message's opening words.
 */
final class JsonSyntaxProblem {

  private record Kind(String jacksonPrefix, String words) {}

  // Jackson's own prefixes (ParserBase, ParserMinimalBase, StreamReadConstraints).
  private static final List<Kind> SYNTAX =
      List.of(
          new Kind("Unexpected character", "an unexpected character"),
          new Kind("Unrecognized token", "a bare word that is not true, false, null or a number"),
          new Kind("Invalid UTF-8", "bytes that are not valid UTF-8"),
          new Kind("Illegal unquoted character", "a control character that must be escaped"),
          new Kind("Unexpected close marker", "a closing bracket that does not match"),
          new Kind("Unrecognized character escape", "an invalid escape sequence"),
          new Kind("Invalid numeric value", "an invalid number"),
          new Kind("Non-standard token", "an invalid number"),
          new Kind("Numeric value", "a number out of range"));

  private static final List<Kind> LIMITS =
      List.of(
          new Kind("Number value length", "a number is too long"),
          new Kind("String value length", "a string is too long"),
          new Kind("Name length", "a field name is too long"),
          new Kind("Document nesting depth", "it nests too deeply"),
          new Kind("Document length", "the document is too long"));

  private JsonSyntaxProblem() {}

  /** For example: invalid JSON at line 2, column 20: an unexpected character. */
  static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String jackson = Objects.requireNonNullElse(e.getOriginalMessage(), "");
    if (e instanceof JsonEOFException) {
      return "truncated JSON: the document ends early" + where;
    }
    if (e instanceof StreamConstraintsException) {
      return "JSON exceeds a limit" + where + ": " + kind(LIMITS, jackson, "a parser limit");
    }
    return "invalid JSON" + where + ": " + kind(SYNTAX, jackson, "a syntax error");
  }

  private static String kind(List<Kind> kinds, String jackson, String otherwise) {
    for (Kind kind : kinds) {
      if (jackson.startsWith(kind.jacksonPrefix())) {
        return kind.words();
      }
    }
    return otherwise;
  }
}
