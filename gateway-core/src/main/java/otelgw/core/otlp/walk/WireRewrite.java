package otelgw.core.otlp.walk;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireFields;

/**
 * Walks a request in its wire bytes: each resource, scope and record is shown to the visitor's
 * {@link WireScreen}, and only those it flags are parsed, walked and encoded again. Unchanged parts
 * keep their bytes; the lengths of the messages around a changed part are rewritten. The visitor
 * sees the parts in the order it would in the decoded request, so where the screen is conservative
 * the result decodes to what {@link RequestWalker#walk} makes.
 *
 * <p>One per batch; not thread-safe.
 */
final class WireRewrite {

  private final WireShape shape;
  private final RequestVisitor visitor;
  private final WireReader reader;
  private final WireFields requestLevel = new WireFields();
  private final WireFields resourceLevel = new WireFields();
  private final WireFields scopeLevel = new WireFields();
  private byte[] bytes;
  private WireEdits edits;

  WireRewrite(WireShape shape, RequestVisitor visitor, WireScreen screen) {
    this.shape = shape;
    this.visitor = visitor;
    this.reader = new WireReader(screen);
  }

  /**
   * Whether every request in {@code chunks} can be walked part by part: each resource-level message
   * holds at most one resource, before its scopes, and each scope-level message at most one scope,
   * before its records. Otherwise a parser merges or reorders what this walk would see apart, and
   * the request is decoded whole.
   */
  boolean canWalk(List<byte[]> chunks) {
    try {
      for (byte[] chunk : chunks) {
        WireFields request = requestLevel.reset(chunk, 0, chunk.length);
        while (request.next()) {
          if (isLevel(request, shape.resourceLevels()) && !canWalkResourceLevel(request)) {
            return false;
          }
        }
      }
      return true;
    } catch (MalformedProtobufException e) {
      return false;
    }
  }

  private boolean canWalkResourceLevel(WireFields field) throws MalformedProtobufException {
    WireFields fields = resourceLevel.reset(field.bytes(), field.bodyStart(), field.bodyEnd());
    boolean resourceSeen = false;
    boolean scopesSeen = false;
    while (fields.next()) {
      if (isLevel(fields, shape.resource())) {
        if (resourceSeen || scopesSeen) {
          return false;
        }
        resourceSeen = true;
      } else if (isLevel(fields, shape.scopeLevels())) {
        scopesSeen = true;
        if (!canWalkScopeLevel(fields)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean canWalkScopeLevel(WireFields field) throws MalformedProtobufException {
    WireFields fields = scopeLevel.reset(field.bytes(), field.bodyStart(), field.bodyEnd());
    boolean scopeSeen = false;
    boolean recordsSeen = false;
    while (fields.next()) {
      if (isLevel(fields, shape.scope())) {
        if (scopeSeen || recordsSeen) {
          return false;
        }
        scopeSeen = true;
      } else if (isLevel(fields, shape.records())) {
        recordsSeen = true;
      }
    }
    return true;
  }

  /**
   * The requests walked: {@code chunks} itself where nothing changed, otherwise a list in which
   * each changed request is a new array.
   *
   * @throws otelgw.core.batch.MalformedBatchException if a part the screen flags does not parse
   */
  List<byte[]> rewrite(List<byte[]> chunks) {
    List<byte[]> out = null;
    for (int i = 0, n = chunks.size(); i < n; i++) {
      byte[] chunk = chunks.get(i);
      byte[] walked = request(chunk);
      if (out == null && walked != chunk) {
        out = new ArrayList<>(chunks.subList(0, i));
      }
      if (out != null) {
        out.add(walked);
      }
    }
    return out == null ? chunks : out;
  }

  private byte[] request(byte[] request) {
    bytes = request;
    reader.reset(request);
    edits = null;
    try {
      WireFields fields = requestLevel.reset(request, 0, request.length);
      while (fields.next()) {
        if (isLevel(fields, shape.resourceLevels())) {
          resourceLevel(fields);
        }
      }
    } catch (MalformedProtobufException e) {
      throw new IllegalStateException("framing checked by canWalk broke: " + e.getMessage(), e);
    }
    return edits == null ? request : edits.apply(request);
  }

  /** Walks one resource-level message; returns how many bytes longer it got. */
  private int resourceLevel(WireFields field) throws MalformedProtobufException {
    int firstEdit = editCount();
    int growth = 0;
    WireFields fields = resourceLevel.reset(bytes, field.bodyStart(), field.bodyEnd());
    while (fields.next()) {
      if (isLevel(fields, shape.resource())) {
        growth += part(WirePart.RESOURCE, fields);
      } else if (isLevel(fields, shape.scopeLevels())) {
        growth += scopeLevel(fields);
      }
    }
    return relength(firstEdit, field, growth);
  }

  /** Walks one scope-level message; returns how many bytes longer it got. */
  private int scopeLevel(WireFields field) throws MalformedProtobufException {
    int firstEdit = editCount();
    int growth = 0;
    WireFields fields = scopeLevel.reset(bytes, field.bodyStart(), field.bodyEnd());
    while (fields.next()) {
      if (isLevel(fields, shape.scope())) {
        growth += part(WirePart.SCOPE, fields);
      } else if (isLevel(fields, shape.records())) {
        growth += part(shape.record(), fields);
      }
    }
    return relength(firstEdit, field, growth);
  }

  /** Screens one part and, if flagged, walks it; returns how many bytes longer it got. */
  private int part(WirePart<?> part, WireFields field) {
    boolean mayChange;
    try {
      mayChange =
          reader.beginPart(field.bodyStart(), field.bodyEnd())
              && part.screen().mayChange(reader, field.bodyStart(), field.bodyEnd());
    } catch (MalformedProtobufException e) {
      // The parser will say what is wrong.
      mayChange = true;
    }
    if (!mayChange) {
      return 0;
    }
    Message walked = part.walk(bytes, field.bodyStart(), field.bodyEnd(), visitor);
    if (walked == null) {
      return 0;
    }
    if (edits == null) {
      edits = new WireEdits();
    }
    return edits.replace(field.lengthStart(), field.bodyEnd(), walked);
  }

  /** Rewrites the length of a message that grew by {@code growth}; returns its total growth. */
  private int relength(int firstEdit, WireFields field, int growth) {
    if (growth == 0) {
      return 0;
    }
    int length = field.bodyEnd() - field.bodyStart() + growth;
    return growth + edits.relength(firstEdit, field.lengthStart(), field.bodyStart(), length);
  }

  private int editCount() {
    return edits == null ? 0 : edits.size();
  }

  /** Whether the field is the message field {@code number}; if not length-delimited, unknown. */
  private static boolean isLevel(WireFields field, int number) {
    return field.field() == number && field.isLengthDelimited();
  }
}
