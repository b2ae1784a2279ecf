package dev.ferrite.rules.sql.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text to rule values and back. Decoding yields exactly the rule value types: String,
 * Long, Double, Boolean, null, LinkedHashMap (key order kept) and ArrayList.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Parsing goes straight to the streaming parser, buffers kept per thread: every message's payload passes here. */
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();

    private Json() {
    }

    /** @throws NotJsonException when the text is not one whole JSON value */
    public static Object decode(String text) {
        if (text.isBlank()) {
            throw new NotJsonException("empty text");
        }
        try (JsonParser parser = PARSERS.createParser(ObjectReadContext.empty(), text)) {
            Object value = read(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new NotJsonException("text after the JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw new NotJsonException(e.getOriginalMessage());
        }
    }

    /** The value as compact JSON; rule values only (maps, lists, strings, numbers, booleans, null). */
    public static String encode(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot encode as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) {
        if (token == null) {
            throw new NotJsonException("no JSON value");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new NotJsonException("unexpected " + token);
        };
    }

    private static Object integer(JsonParser parser) {
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> parser.getDoubleValue();
        };
    }

    private static Map<String, Object> readObject(JsonParser parser) {
        Map<String, Object> object = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            object.put(name, read(parser, parser.nextToken()));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new NotJsonException("unterminated object");
        }
        return object;
    }

    private static List<Object> readArray(JsonParser parser) {
        List<Object> array = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(read(parser, token));
        }
        return array;
    }

    /** The text given to {@link #decode} is not JSON. */
    public static final class NotJsonException extends RuntimeException {

        NotJsonException(String reason) {
            super(reason, null, false, false);
        }
    }
}
