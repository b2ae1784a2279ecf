package dev.ferrite.gateway.management;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Epoch milliseconds as EMQX's REST API shows them: RFC 3339 with milliseconds and the node's offset. */
final class Timestamps {

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());

    private Timestamps() {
    }

    /** @return null for 0, which means "never" */
    static String of(long epochMillis) {
        return epochMillis == 0 ? null : RFC_3339.format(Instant.ofEpochMilli(epochMillis));
    }
}
