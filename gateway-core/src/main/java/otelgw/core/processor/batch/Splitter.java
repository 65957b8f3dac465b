package otelgw.core.processor.batch;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an export request into parts of at most {@code maxItems} items and {@code maxBytes} bytes,
 * keeping order. The three signals share one shape, read here through protobuf's descriptors: a
 * request holds resources (field 1), a resource holds scopes (field 2), a scope holds items (field
 * 2); for metrics an item is a metric whose data holds its points (field 1 of each data type).
 * Parts are cut between resources and scopes where they can be, and inside a scope (or a metric) by
 * copying the resource and scope (or the metric's description) into each part, so every item keeps
 * its own resource and scope.
 *
 * <p>Sizes are estimated from above (each nested message counted with the longest tag and length it
 * can take), so a part is never larger than {@code maxBytes} unless one item alone is.
 */
final class Splitter {

  /** The most bytes a nested message's tag and length take: 1 + a 5-byte varint. */
  static final int NESTING = 6;

  private static final int RESOURCES = 1;
  private static final int SCOPES = 2;
  private static final int ITEMS = 2;
  private static final int DATA_POINTS = 1;
  private static final OneofDescriptor METRIC_DATA = Metric.getDescriptor().getOneofs().get(0);

  private final long maxItems;
  private final long maxBytes;
  private final List<Message> parts = new ArrayList<>();
  private Message prototype;
  private FieldDescriptor resourcesField;
  private Message.Builder part;
  private Message.Builder resource;
  private Message.Builder scope;
  private long items;
  private long bytes;

  private Splitter(long maxItems, long maxBytes) {
    this.maxItems = maxItems;
    this.maxBytes = maxBytes;
  }

  /** The parts of {@code request}, in order; one part (an equal request) when it fits whole. */
  @SuppressWarnings("unchecked")
  static <M extends Message> List<M> split(M request, long maxItems, long maxBytes) {
    Splitter splitter = new Splitter(maxItems, maxBytes);
    splitter.run(request);
    return (List<M>) (List<?>) splitter.parts;
  }

  private void run(Message request) {
    prototype = request.getDefaultInstanceForType();
    resourcesField = field(request, RESOURCES);
    for (Object r : (List<?>) request.getField(resourcesField)) {
      Message resourceMessage = (Message) r;
      FieldDescriptor scopesField = field(resourceMessage, SCOPES);
      Message resourceTemplate = resourceMessage.toBuilder().clearField(scopesField).build();
      long resourceHeader = resourceTemplate.getSerializedSize() + NESTING;
      for (Object s : (List<?>) resourceMessage.getField(scopesField)) {
        Message scopeMessage = (Message) s;
        FieldDescriptor itemsField = field(scopeMessage, ITEMS);
        Message scopeTemplate = scopeMessage.toBuilder().clearField(itemsField).build();
        long scopeHeader = scopeTemplate.getSerializedSize() + NESTING;
        Open open =
            new Open(
                resourceTemplate,
                resourceHeader,
                scopesField,
                scopeTemplate,
                scopeHeader,
                itemsField);
        for (Object item : (List<?>) scopeMessage.getField(itemsField)) {
          if (item instanceof Metric metric && points(metric) > 1) {
            addMetric(metric, open);
          } else {
            add((Message) item, item instanceof Metric m ? points(m) : 1, open);
          }
        }
        closeScope(open);
      }
      closeResource();
    }
    closePart();
  }

  /** Adds one item whole, starting a new part first if it does not fit this one. */
  private void add(Message item, long weight, Open open) {
    long size = item.getSerializedSize() + NESTING;
    if (items > 0 && !fits(weight, size + headers(open))) {
      closePart();
    }
    openScope(open);
    scope.addRepeatedField(open.itemsField, item);
    items += weight;
    bytes += size;
  }

  /** Adds a metric, cut into as many metrics (each with some of its points) as parts need. */
  private void addMetric(Metric metric, Open open) {
    FieldDescriptor dataField = metric.getOneofFieldDescriptor(METRIC_DATA);
    Message data = (Message) metric.getField(dataField);
    FieldDescriptor pointsField = field(data, DATA_POINTS);
    Message.Builder emptyData = data.toBuilder().clearField(pointsField);
    Metric template = metric.toBuilder().setField(dataField, emptyData.build()).build();
    long header = template.getSerializedSize() + 2L * NESTING;
    if (fits(points(metric), metric.getSerializedSize() + NESTING + headers(open))) {
      add(metric, points(metric), open);
      return;
    }
    List<?> points = (List<?>) data.getField(pointsField);
    int next = 0;
    while (next < points.size()) {
      long free = maxBytes - bytes - headers(open) - header;
      Message.Builder chunkData = emptyData.clone();
      long chunkItems = 0;
      long chunkBytes = 0;
      while (next < points.size()) {
        Message point = (Message) points.get(next);
        long pointSize = point.getSerializedSize() + NESTING;
        boolean room = items + chunkItems < maxItems && chunkBytes + pointSize <= free;
        if (!room && (chunkItems > 0 || items > 0)) {
          break;
        }
        chunkData.addRepeatedField(pointsField, point);
        chunkItems++;
        chunkBytes += pointSize;
        next++;
      }
      if (chunkItems == 0) {
        closePart();
        continue;
      }
      openScope(open);
      scope.addRepeatedField(
          open.itemsField, template.toBuilder().setField(dataField, chunkData.build()).build());
      items += chunkItems;
      bytes += chunkBytes + header;
      if (next < points.size()) {
        closePart();
      }
    }
  }

  private boolean fits(long weight, long size) {
    return items + weight <= maxItems && bytes + size <= maxBytes;
  }

  /** The bytes of the resource and scope envelopes an item added now would open. */
  private long headers(Open open) {
    return (resource == null ? open.resourceHeader : 0) + (scope == null ? open.scopeHeader : 0);
  }

  private void openScope(Open open) {
    if (resource == null) {
      resource = open.resourceTemplate.toBuilder();
      bytes += open.resourceHeader;
    }
    if (scope == null) {
      scope = open.scopeTemplate.toBuilder();
      bytes += open.scopeHeader;
    }
  }

  private void closeScope(Open open) {
    if (scope != null) {
      resource.addRepeatedField(open.scopesField, scope.build());
      scope = null;
    }
  }

  private void closeResource() {
    if (resource != null) {
      if (part == null) {
        part = prototype.newBuilderForType();
      }
      part.addRepeatedField(resourcesField, resource.build());
      resource = null;
    }
  }

  /** Ends the part being filled; the scope and resource open now are reopened by the next item. */
  private void closePart() {
    if (scope != null) {
      resource.addRepeatedField(field(resource.getDefaultInstanceForType(), SCOPES), scope.build());
      scope = null;
    }
    closeResource();
    if (part != null) {
      parts.add(part.build());
      part = null;
    }
    items = 0;
    bytes = 0;
  }

  static long points(Metric metric) {
    FieldDescriptor dataField = metric.getOneofFieldDescriptor(METRIC_DATA);
    if (dataField == null) {
      return 0;
    }
    Message data = (Message) metric.getField(dataField);
    return data.getRepeatedFieldCount(field(data, DATA_POINTS));
  }

  private static FieldDescriptor field(Message message, int number) {
    return message.getDescriptorForType().findFieldByNumber(number);
  }

  /** The envelopes of the scope being split, with their estimated sizes. */
  private record Open(
      Message resourceTemplate,
      long resourceHeader,
      FieldDescriptor scopesField,
      Message scopeTemplate,
      long scopeHeader,
      FieldDescriptor itemsField) {}
}
