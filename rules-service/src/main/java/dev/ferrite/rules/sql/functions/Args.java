package dev.ferrite.rules.sql.functions;

import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.RuleEvaluationException;
import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Values;

/** Reading a function's arguments as the types it takes; a wrong type fails the rule with a clear message. */
final class Args {

    private Args() {
    }

    static String string(Object[] args, int index) {
        if (args[index] instanceof String text) {
            return text;
        }
        throw wrongType(args, index, "a string");
    }

    /** A string, or a boolean as its word (EMQX's string functions accept atoms). */
    static String text(Object[] args, int index) {
        if (args[index] instanceof Boolean flag) {
            return flag.toString();
        }
        return string(args, index);
    }

    static long integer(Object[] args, int index) {
        if (args[index] instanceof Long number) {
            return number;
        }
        throw wrongType(args, index, "an integer");
    }

    static int smallInteger(Object[] args, int index) {
        long number = integer(args, index);
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new EvaluationFailure("argument " + (index + 1) + " is out of range: " + number);
        }
        return (int) number;
    }

    static double number(Object[] args, int index) {
        if (args[index] instanceof Long || args[index] instanceof Double) {
            return ((Number) args[index]).doubleValue();
        }
        throw wrongType(args, index, "a number");
    }

    static List<?> list(Object[] args, int index) {
        if (args[index] instanceof List<?> list) {
            return list;
        }
        throw wrongType(args, index, "an array");
    }

    static Map<?, ?> map(Object[] args, int index) {
        if (args[index] instanceof Map<?, ?> map) {
            return map;
        }
        throw wrongType(args, index, "a map");
    }

    /** One of the words an option argument may take ('leading', 'trailing', ...). */
    static String option(Object[] args, int index, String... allowed) {
        String value = string(args, index);
        for (String option : allowed) {
            if (option.equals(value)) {
                return value;
            }
        }
        throw new EvaluationFailure("argument " + (index + 1) + " must be one of "
                + String.join(", ", allowed) + ", not " + Values.describe(value));
    }

    static RuleEvaluationException wrongType(Object[] args, int index, String expected) {
        return new EvaluationFailure("argument " + (index + 1) + " must be " + expected + ", not "
                + Values.typeOf(args[index]) + " " + Values.describe(args[index]));
    }
}
