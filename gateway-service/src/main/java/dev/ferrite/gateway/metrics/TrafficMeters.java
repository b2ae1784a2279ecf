package dev.ferrite.gateway.metrics;

import java.util.function.ToDoubleFunction;

import dev.ferrite.gateway.traffic.TrafficCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** The connections' traffic ({@link TrafficCounters}) as Prometheus counters. */
@Component
class TrafficMeters {

    TrafficMeters(TrafficCounters traffic, MeterRegistry registry) {
        bytes(registry, "ferrite.gateway.received", traffic, TrafficCounters::bytesReceived,
                "MQTT bytes read from clients");
        bytes(registry, "ferrite.gateway.sent", traffic, TrafficCounters::bytesSent, "MQTT bytes written to clients");
        for (int qos = 0; qos <= 2; qos++) {
            int level = qos;
            FunctionCounter.builder("ferrite.gateway.messages.received", traffic, t -> t.publishesReceived(level))
                    .tag("qos", Integer.toString(qos)).description("PUBLISH packets received from clients")
                    .register(registry);
            FunctionCounter.builder("ferrite.gateway.messages.sent", traffic, t -> t.publishesSent(level))
                    .tag("qos", Integer.toString(qos)).description("PUBLISH packets sent to clients")
                    .register(registry);
            FunctionCounter.builder("ferrite.gateway.messages.payload.received", traffic, t -> t.payloadBytesReceived(level))
                    .tag("qos", Integer.toString(qos)).baseUnit("bytes")
                    .description("Payload bytes of the PUBLISH packets received").register(registry);
            FunctionCounter.builder("ferrite.gateway.messages.payload.sent", traffic, t -> t.payloadBytesSent(level))
                    .tag("qos", Integer.toString(qos)).baseUnit("bytes")
                    .description("Payload bytes of the PUBLISH packets sent").register(registry);
        }
    }

    private static void bytes(MeterRegistry registry, String name, TrafficCounters traffic,
            ToDoubleFunction<TrafficCounters> value, String description) {
        FunctionCounter.builder(name, traffic, value).baseUnit("bytes").description(description).register(registry);
    }
}
