package otelgw.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import otelgw.config.ComponentId;
import otelgw.core.telemetry.GatewayStatus;

/**
 * What an extension is given besides its config.
 *
 * @param id the extension's id
 * @param meters the registry for its self-metrics
 * @param status a fresh snapshot of the gateway on every call; thread-safe, never blocks on
 *     start-up or shutdown, and costs a walk over the registry's meters (not for a hot path)
 */
public record ExtensionSettings(
    ComponentId id, MeterRegistry meters, Supplier<GatewayStatus> status) {}
