package dev.ferrite.rules;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON to and from the plain values rules work on (String, Long, Double, Boolean, Map, List,
 * null): integers always come out as Long, as the rule engine's contract asks.
 */
public final class JsonValues {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private JsonValues() {
    }

    /** @throws IllegalArgumentException when the text is not JSON */
    public static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }
}
