package otelgw.benchmarks.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flat JSON objects, one per line: the load test's raw results. */
final class JsonLines {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  static String write(Map<String, Object> record) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      for (Map.Entry<String, Object> field : record.entrySet()) {
        Object value = field.getValue();
        if (value instanceof Integer || value instanceof Long) {
          json.writeNumberField(field.getKey(), ((Number) value).longValue());
        } else if (value instanceof Number number) {
          double d = number.doubleValue();
          if (Double.isFinite(d)) {
            json.writeNumberField(field.getKey(), d);
          } else {
            json.writeNullField(field.getKey());
          }
        } else if (value == null) {
          json.writeNullField(field.getKey());
        } else {
          json.writeStringField(field.getKey(), value.toString());
        }
      }
      json.writeEndObject();
    }
    return out.toString();
  }

  static List<Map<String, Object>> read(Path file) throws IOException {
    List<Map<String, Object>> records = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> record = new LinkedHashMap<>();
      try (JsonParser json = FACTORY.createParser(line)) {
        json.nextToken();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken token = json.nextToken();
          record.put(
              name,
              switch (token) {
                case VALUE_NUMBER_INT -> json.getLongValue();
                case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                case VALUE_NULL -> null;
                default -> json.getText();
              });
        }
      }
      records.add(record);
    }
    return records;
  }
}
