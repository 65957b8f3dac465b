package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import otelgw.core.batch.BatchType;
import otelgw.core.component.ExporterFactory;
import otelgw.core.exporterhelper.Transport;
import otelgw.exporter.TestRequests;
import otelgw.testing.OtlpSignal;
import otelgw.testing.ReceivedRequest;

class HttpTransportTest extends OtlpTransportContract<OtlpHttpExporterConfig> {

  @Override
  ExporterFactory<OtlpHttpExporterConfig> factory() {
    return new OtlpHttpExporterFactory();
  }

  @Override
  Transport transport(OtlpHttpExporterConfig config) {
    return new HttpTransport(config, Clock.systemUTC());
  }

  @Override
  String endpointYaml() {
    return "endpoint: " + backend.httpEndpoint();
  }

  @Override
  otelgw.testing.Transport wire() {
    return otelgw.testing.Transport.HTTP;
  }

  @Test
  void postsGzippedProtobuf() throws Exception {
    sender(BatchType.TRACES, "").send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    ReceivedRequest received = backend.requests(OtlpSignal.TRACES).get(0);
    assertThat(received.header("content-encoding")).contains("gzip");
    assertThat(received.header("content-type")).contains("application/x-protobuf");
  }

  @Test
  void sendsPlainBodiesWithoutCompression() throws Exception {
    sender(BatchType.TRACES, "compression: none")
        .send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    assertThat(backend.requests(OtlpSignal.TRACES).get(0).header("content-encoding")).isEmpty();
  }

  @Test
  void aSignalsOwnUrlIsUsed() throws Exception {
    sender(BatchType.LOGS, "logs_endpoint: " + backend.httpUrl(OtlpSignal.LOGS))
        .send(BatchType.LOGS.fromMessage(TestRequests.logs(1)));

    assertThat(backend.logRecordCount()).isEqualTo(1);
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicCredentials() throws Exception {
    String url = backend.httpUrl(OtlpSignal.TRACES).replace("http://", "http://otelgw:p%40ss@");
    sender(BatchType.TRACES, "traces_endpoint: " + url)
        .send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    ReceivedRequest received = backend.requests(OtlpSignal.TRACES).get(0);
    assertThat(received.header("authorization"))
        .contains(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("otelgw:p@ss".getBytes(StandardCharsets.UTF_8)));
    assertThat(backend.spanCount()).isEqualTo(1);
  }

  @Test
  void aConfiguredAuthorizationHeaderWinsOverTheUrlsCredentials() throws Exception {
    String url = backend.httpUrl(OtlpSignal.TRACES).replace("http://", "http://otelgw:secret@");
    sender(
            BatchType.TRACES,
            "traces_endpoint: " + url + "\nheaders: { authorization: 'Bearer t0ken' }")
        .send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    assertThat(backend.requests(OtlpSignal.TRACES).get(0).header("authorization"))
        .contains("Bearer t0ken");
  }
}
