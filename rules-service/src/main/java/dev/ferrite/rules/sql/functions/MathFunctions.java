package dev.ferrite.rules.sql.functions;

import java.util.function.DoubleUnaryOperator;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.Numbers;
import dev.ferrite.rules.sql.value.Values;

/**
 * Numbers: abs, ceil, floor, round (integers out), the float functions of Erlang's math module
 * (a result that is not a finite number fails the rule, as Erlang's badarith), and bitwise
 * operations on integers.
 */
final class MathFunctions {

    private MathFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("abs", 1, (args, scope) -> abs(args));
        table.define("ceil", 1, (args, scope) -> rounded(args, Math::ceil));
        table.define("floor", 1, (args, scope) -> rounded(args, Math::floor));
        table.define("round", 1, (args, scope) -> rounded(args, MathFunctions::halfAwayFromZero));
        unary(table, "sqrt", Math::sqrt);
        unary(table, "exp", Math::exp);
        unary(table, "log", Math::log);
        unary(table, "log10", Math::log10);
        unary(table, "log2", MathFunctions::log2);
        unary(table, "sin", Math::sin);
        unary(table, "cos", Math::cos);
        unary(table, "tan", Math::tan);
        unary(table, "asin", Math::asin);
        unary(table, "acos", Math::acos);
        unary(table, "atan", Math::atan);
        unary(table, "sinh", Math::sinh);
        unary(table, "cosh", Math::cosh);
        unary(table, "tanh", Math::tanh);
        unary(table, "asinh", x -> Math.log(x + Math.sqrt(x * x + 1)));
        unary(table, "acosh", x -> Math.log(x + Math.sqrt(x * x - 1)));
        unary(table, "atanh", x -> 0.5 * Math.log((1 + x) / (1 - x)));
        table.define("power", 2, (args, scope) -> Values.requireFinite(Math.pow(Args.number(args, 0), Args.number(args, 1))));
        table.define("fmod", 2, (args, scope) -> fmod(Args.number(args, 0), Args.number(args, 1)));
        table.define("bitnot", 1, (args, scope) -> ~Args.integer(args, 0));
        table.define("bitand", 2, (args, scope) -> Args.integer(args, 0) & Args.integer(args, 1));
        table.define("bitor", 2, (args, scope) -> Args.integer(args, 0) | Args.integer(args, 1));
        table.define("bitxor", 2, (args, scope) -> Args.integer(args, 0) ^ Args.integer(args, 1));
        table.define("bitsl", 2, (args, scope) -> shiftLeft(Args.integer(args, 0), Args.integer(args, 1)));
        table.define("bitsr", 2, (args, scope) -> Args.integer(args, 0) >> Math.min(Args.integer(args, 1), 63));
    }

    private static void unary(FunctionTable table, String name, DoubleUnaryOperator operation) {
        table.define(name, 1, (args, scope) -> Values.requireFinite(operation.applyAsDouble(Args.number(args, 0))));
    }

    /** Exact for powers of two, which Math.log(x) / Math.log(2) is not. */
    private static double log2(double x) {
        int exponent = Math.getExponent(x);
        return x > 0 && x == Math.scalb(1.0, exponent) ? exponent : Math.log(x) / Math.log(2);
    }

    private static Object abs(Object[] args) {
        if (args[0] instanceof Long number) {
            if (number == Long.MIN_VALUE) {
                throw new EvaluationFailure("integer overflow in abs(" + number + ")");
            }
            return Math.abs(number);
        }
        return Math.abs(Args.number(args, 0));
    }

    private static Object rounded(Object[] args, DoubleUnaryOperator rounding) {
        if (args[0] instanceof Long number) {
            return number;
        }
        return Numbers.toLongExact(rounding.applyAsDouble(Args.number(args, 0)));
    }

    /** Erlang's round: halves go away from zero (round(-2.5) = -3). */
    private static double halfAwayFromZero(double value) {
        return Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
    }

    private static double fmod(double dividend, double divisor) {
        if (divisor == 0) {
            throw new EvaluationFailure("division by zero");
        }
        return dividend % divisor;
    }

    private static long shiftLeft(long value, long bits) {
        if (bits >= 63 || value != 0 && Long.numberOfLeadingZeros(Math.abs(value)) <= bits) {
            if (value == 0) {
                return 0;
            }
            throw new EvaluationFailure("integer overflow in bitsl(" + value + ", " + bits + ")");
        }
        return bits < 0 ? value >> Math.min(-bits, 63) : value << bits;
    }
}
