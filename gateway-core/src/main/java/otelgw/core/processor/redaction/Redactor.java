package otelgw.core.processor.redaction;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.util.ArrayList;
import java.util.List;
import otelgw.core.otlp.walk.RequestVisitor;
import otelgw.core.otlp.walk.Site;
import otelgw.core.otlp.walk.TextField;
import otelgw.core.otlp.walk.WireScreen;
import otelgw.core.regex.MatchBudget;

/**
 * Applies the key and value rules to every attribute list, free-text field and log body a walker
 * shows it, returning what it was given wherever nothing changes, so that a request with nothing to
 * redact is not rebuilt. Maps and arrays are followed to {@code max_depth}; what is deeper is
 * masked whole. Not thread-safe: one per processor, on its ring consumer thread.
 */
final class Redactor implements RequestVisitor {

  private final KeyRules keys;
  private final ValueRules values;
  private final Masker masker;
  private final int maxDepth;
  private final Counter tooDeep;
  private final Findings attributeFindings;
  private final Findings bodyFindings;
  private final AnyValue plainMask;
  private final RedactionScreen screen;

  Redactor(
      RedactionConfig config,
      KeyRules keys,
      ValueRules values,
      Masker masker,
      MatchBudget budget,
      RedactionMeters meters) {
    this.keys = keys;
    this.values = values;
    this.masker = masker;
    this.maxDepth = config.maxDepth();
    this.tooDeep = meters.redactions(RedactionMeters.MAX_DEPTH);
    this.attributeFindings = new Findings(config.summary(), SummaryKeys.ATTRIBUTES);
    this.bodyFindings = new Findings(config.summary(), SummaryKeys.BODY);
    this.plainMask = AnyValue.newBuilder().setStringValue(Masker.MASK).build();
    this.screen = new RedactionScreen(keys, values, budget, config.summary(), config.maxDepth());
  }

  @Override
  public WireScreen screen() {
    return screen;
  }

  @Override
  public List<KeyValue> attributes(Site site, List<KeyValue> attributes) {
    Findings findings = attributeFindings;
    findings.reset();
    List<KeyValue> out = list(attributes, findings.wantsNames() ? "" : null, 1, findings);
    if (site == Site.LOG_RECORD) {
      // The body of this record was visited just before: see RequestVisitor.
      out = bodyFindings.addTo(out);
      bodyFindings.reset();
    }
    return findings.addTo(out);
  }

  @Override
  public String text(TextField field, String value) {
    if (value.isEmpty() || values.allowed(value)) {
      return value;
    }
    return values.mask(value);
  }

  @Override
  public AnyValue body(AnyValue body) {
    Findings findings = bodyFindings;
    findings.reset();
    boolean names = findings.wantsNames();
    // Inside a map or array body, paths start at its keys or indexes, as in the Collector.
    String path =
        switch (body.getValueCase()) {
          case KVLIST_VALUE, ARRAY_VALUE -> "";
          default -> "body";
        };
    return value(body, names ? path : null, 1, findings, false);
  }

  /** The attribute list with the rules applied, copied only on the first change. */
  private List<KeyValue> list(List<KeyValue> list, String prefix, int depth, Findings findings) {
    List<KeyValue> copy = null;
    for (int i = 0, n = list.size(); i < n; i++) {
      KeyValue entry = list.get(i);
      KeyValue redacted = entry(entry, prefix, depth, findings);
      if (copy == null && redacted != entry) {
        copy = new ArrayList<>(n);
        copy.addAll(list.subList(0, i));
      }
      if (copy != null && redacted != null) {
        copy.add(redacted);
      }
    }
    return copy == null ? list : copy;
  }

  /** One attribute with the rules applied, or null where it is removed. */
  private KeyValue entry(KeyValue entry, String prefix, int depth, Findings findings) {
    String key = entry.getKey();
    if (keys.ignored(key)) {
      findings.ignored();
      return entry;
    }
    String path = child(prefix, key);
    if (keys.removed(key)) {
      findings.redacted(path);
      return null;
    }
    AnyValue value = entry.getValue();
    boolean isString = value.getValueCase() == AnyValue.ValueCase.STRING_VALUE;
    if (isString && values.allowed(value.getStringValue())) {
      findings.allowed(path);
      return entry;
    }
    if (keys.blocked(key)) {
      findings.masked(path);
      return entry.toBuilder().setValue(maskWhole(value)).build();
    }
    AnyValue redacted = value(value, path, depth, findings, isString);
    return redacted == value ? entry : entry.toBuilder().setValue(redacted).build();
  }

  /**
   * A value with the rules applied, or {@code value} itself.
   *
   * @param allowChecked whether {@code allowed_values} were already tried on this string
   */
  private AnyValue value(
      AnyValue value, String path, int depth, Findings findings, boolean allowChecked) {
    if (depth > maxDepth) {
      tooDeep.increment();
      findings.masked(path);
      return maskWhole(value);
    }
    switch (value.getValueCase()) {
      case STRING_VALUE -> {
        String text = value.getStringValue();
        if (text.isEmpty()) {
          return value;
        }
        if (!allowChecked && values.allowed(text)) {
          findings.allowed(path);
          return value;
        }
        String masked = values.mask(text);
        if (masked == text) {
          return value;
        }
        findings.masked(path);
        return AnyValue.newBuilder().setStringValue(masked).build();
      }
      case INT_VALUE -> {
        if (!values.isCardNumber(value.getIntValue())) {
          return value;
        }
        findings.masked(path);
        return maskWhole(value);
      }
      case KVLIST_VALUE -> {
        List<KeyValue> entries = value.getKvlistValue().getValuesList();
        List<KeyValue> redacted = list(entries, path, depth + 1, findings);
        if (redacted == entries) {
          return value;
        }
        return AnyValue.newBuilder()
            .setKvlistValue(KeyValueList.newBuilder().addAllValues(redacted))
            .build();
      }
      case ARRAY_VALUE -> {
        List<AnyValue> elements = value.getArrayValue().getValuesList();
        List<AnyValue> copy = null;
        for (int i = 0, n = elements.size(); i < n; i++) {
          AnyValue element = elements.get(i);
          String elementPath = path == null ? null : child(path, "[" + i + "]");
          AnyValue redacted = value(element, elementPath, depth + 1, findings, false);
          if (copy == null && redacted != element) {
            copy = new ArrayList<>(n);
            copy.addAll(elements.subList(0, i));
          }
          if (copy != null) {
            copy.add(redacted);
          }
        }
        if (copy == null) {
          return value;
        }
        return AnyValue.newBuilder()
            .setArrayValue(ArrayValue.newBuilder().addAllValues(copy))
            .build();
      }
      default -> {
        return value;
      }
    }
  }

  /** The whole value replaced by its mask: a string, whatever the value's type was. */
  private AnyValue maskWhole(AnyValue value) {
    if (masker.isPlain()) {
      return plainMask;
    }
    String masked =
        switch (value.getValueCase()) {
          case STRING_VALUE -> masker.mask(value.getStringValue());
          case BOOL_VALUE -> masker.mask(Boolean.toString(value.getBoolValue()));
          case INT_VALUE -> masker.mask(Long.toString(value.getIntValue()));
          case DOUBLE_VALUE -> masker.mask(Double.toString(value.getDoubleValue()));
          case BYTES_VALUE -> masker.mask(value.getBytesValue().toByteArray());
          default -> masker.mask(value.toByteArray());
        };
    return AnyValue.newBuilder().setStringValue(masked).build();
  }

  private static String child(String prefix, String key) {
    if (prefix == null) {
      return null;
    }
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
