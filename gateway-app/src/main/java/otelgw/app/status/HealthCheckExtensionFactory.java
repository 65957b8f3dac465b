package otelgw.app.status;

import java.util.List;
import otelgw.config.ConfigNode;
import otelgw.config.Durations;
import otelgw.core.component.Component;
import otelgw.core.component.ExtensionFactory;
import otelgw.core.component.ExtensionSettings;
import otelgw.core.component.Stability;

/**
 * Makes {@code health_check} extensions: HTTP health endpoints for load balancers and Kubernetes
 * probes, answering 200 or 503 with a JSON body that says why.
 */
public final class HealthCheckExtensionFactory implements ExtensionFactory<HealthCheckConfig> {

  @Override
  public String type() {
    return "health_check";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public HealthCheckConfig parseConfig(ConfigNode node) {
    return HealthCheckConfig.parse(node);
  }

  @Override
  public List<String> listenEndpoints(HealthCheckConfig config) {
    return List.of(config.endpoint());
  }

  @Override
  public String summary(HealthCheckConfig config) {
    return "http://"
        + config.endpoint()
        + config.path()
        + " (and "
        + HealthCheckConfig.LIVE_PATH
        + ", "
        + HealthCheckConfig.READY_PATH
        + "); 503 once an exporter has failed for "
        + Durations.format(config.exporterFailureWindow());
  }

  @Override
  public Component createExtension(ExtensionSettings settings, HealthCheckConfig config) {
    return new HealthCheckExtension(settings, config);
  }
}
