package dev.ferrite.gateway.testing;

import java.util.HashMap;
import java.util.Map;

/** One scrape of {@code /api/v5/prometheus/stats}: each sample by its name and labels as printed. */
public record PrometheusScrape(Map<String, Double> samples) {

    public static PrometheusScrape of(GatewayHttp http) {
        String body = http.get("/api/v5/prometheus/stats").body();
        Map<String, Double> samples = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new PrometheusScrape(samples);
    }

    /** @param sample a name with its labels, such as {@code ferrite_gateway_messages_received_total{qos="1"}} */
    public double value(String sample) {
        Double value = samples.get(sample);
        if (value == null) {
            throw new AssertionError("No sample " + sample + " in the scrape");
        }
        return value;
    }

    /** A series that first appears in this scrape counts from zero (labels are registered when first seen). */
    public long delta(PrometheusScrape earlier, String sample) {
        return Math.round(value(sample) - earlier.samples.getOrDefault(sample, 0.0));
    }
}
