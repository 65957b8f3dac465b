package otelgw.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transport-neutral heart of the backend: given a parsed request, applies the scheduled fault,
 * stores what is accepted and says how to answer. Runs on a handler thread, never an I/O thread,
 * because {@link Fault.Slow} blocks it.
 */
final class RequestProcessor {

  /** How a transport should answer. */
  sealed interface Outcome {}

  /** Answer OK with {@code response}. */
  record Accepted(Message response) implements Outcome {}

  /** Answer with the error {@code reject} describes. */
  record Rejected(Fault.Reject reject) implements Outcome {}

  private static final Fault.Reject ABANDONED =
      new Fault.Reject(503, Status.Code.UNAVAILABLE, Optional.empty(), "backend shutting down");

  private final FaultSchedule faults;
  private final ReceivedData received;
  private final DelayGate delays;

  RequestProcessor(FaultSchedule faults, ReceivedData received, DelayGate delays) {
    this.faults = faults;
    this.received = received;
    this.delays = delays;
  }

  Outcome process(
      OtlpSignal signal,
      Transport transport,
      Map<String, List<String>> headers,
      Message request,
      ByteString body) {
    Map<String, List<String>> frozen = ReceivedRequest.immutableHeaders(headers);
    received.arrived(signal, frozen);
    Fault fault = faults.next().orElse(null);
    if (fault instanceof Fault.Reject reject) {
      return reject(signal, reject);
    }
    if (fault instanceof Fault.Slow slow && !delays.await(slow.delay())) {
      return reject(signal, ABANDONED);
    }
    received.accepted(new ReceivedRequest(signal, transport, frozen, request, body));
    Optional<Fault.PartialSuccess> partial =
        fault instanceof Fault.PartialSuccess p ? Optional.of(p) : Optional.empty();
    return new Accepted(OtlpMessages.response(signal, partial));
  }

  /** Records a request that failed before it could be parsed. */
  Outcome malformed(OtlpSignal signal, int httpStatus, String message) {
    received.failed(signal);
    return new Rejected(
        new Fault.Reject(
            httpStatus, FaultMapping.grpcCodeFor(httpStatus), Optional.empty(), message));
  }

  private Outcome reject(OtlpSignal signal, Fault.Reject reject) {
    received.failed(signal);
    return new Rejected(reject);
  }
}
