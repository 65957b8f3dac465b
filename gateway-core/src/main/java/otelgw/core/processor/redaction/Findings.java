package otelgw.core.processor.redaction;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What redaction did to one attribute list (or one log body), for the summary attributes: counts at
 * {@code info}, counts and key paths at {@code debug}, nothing at {@code silent}. Reused from list
 * to list; not thread-safe.
 */
final class Findings {

  private final Summary summary;
  private final SummaryKeys keys;
  private final List<String> redacted = new ArrayList<>();
  private final List<String> masked = new ArrayList<>();
  private final List<String> allowed = new ArrayList<>();
  private int redactedCount;
  private int maskedCount;
  private int allowedCount;
  private int ignoredCount;

  Findings(Summary summary, SummaryKeys keys) {
    this.summary = summary;
    this.keys = keys;
  }

  /** Whether key paths are wanted; when not, callers pass null paths and build none. */
  boolean wantsNames() {
    return summary == Summary.DEBUG;
  }

  void reset() {
    redacted.clear();
    masked.clear();
    allowed.clear();
    redactedCount = 0;
    maskedCount = 0;
    allowedCount = 0;
    ignoredCount = 0;
  }

  void redacted(String path) {
    redactedCount++;
    add(redacted, path);
  }

  void masked(String path) {
    maskedCount++;
    add(masked, path);
  }

  void allowed(String path) {
    allowedCount++;
    add(allowed, path);
  }

  void ignored() {
    ignoredCount++;
  }

  /**
   * {@code attributes} with the summary attributes added, merged into any a redaction processor
   * before this one added; {@code attributes} itself where there is nothing to say.
   */
  List<KeyValue> addTo(List<KeyValue> attributes) {
    if (summary == Summary.SILENT
        || redactedCount + maskedCount + allowedCount + ignoredCount == 0) {
      return attributes;
    }
    List<KeyValue> out = new ArrayList<>(attributes);
    put(out, keys.redactedKeys(), keys.redactedCount(), redacted, redactedCount);
    put(out, keys.maskedKeys(), keys.maskedCount(), masked, maskedCount);
    put(out, keys.allowedKeys(), keys.allowedCount(), allowed, allowedCount);
    put(out, null, keys.ignoredCount(), List.of(), ignoredCount);
    return out;
  }

  private void put(
      List<KeyValue> out, String namesKey, String countKey, List<String> names, int count) {
    if (count == 0) {
      return;
    }
    long total = count;
    TreeSet<String> allNames = new TreeSet<>(names);
    for (int i = out.size() - 1; i >= 0; i--) {
      KeyValue existing = out.get(i);
      if (existing.getKey().equals(countKey)) {
        total += existing.getValue().getIntValue();
        out.remove(i);
      } else if (existing.getKey().equals(namesKey) && wantsNames()) {
        String previous = existing.getValue().getStringValue();
        if (!previous.isEmpty()) {
          allNames.addAll(Arrays.asList(previous.split(",")));
        }
        out.remove(i);
      }
    }
    if (namesKey != null && wantsNames()) {
      out.add(
          attribute(namesKey, AnyValue.newBuilder().setStringValue(String.join(",", allNames))));
    }
    out.add(attribute(countKey, AnyValue.newBuilder().setIntValue(total)));
  }

  private static KeyValue attribute(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private void add(List<String> names, String path) {
    if (path != null) {
      names.add(path);
    }
  }
}
