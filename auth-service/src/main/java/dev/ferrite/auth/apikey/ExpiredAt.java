package dev.ferrite.auth.apikey;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** EMQX's {@code expired_at}: {@code "infinity"} or an RFC 3339 date-time. */
final class ExpiredAt {

    static final String INFINITY = "infinity";

    private ExpiredAt() {
    }

    /** @return the instant, or null for {@code infinity} */
    static Instant parse(String value) {
        if (value == null || value.equals(INFINITY)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidApiKeyException(
                    "expired_at must be \"infinity\" or an RFC 3339 date-time such as 2030-01-31T00:00:00Z, was '"
                            + value + "'");
        }
    }

    static String format(Instant instant) {
        return instant == null ? INFINITY : instant.toString();
    }
}
