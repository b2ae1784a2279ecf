package dev.ferrite.rules.sql.functions;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.rules.sql.value.EvaluationFailure;
import dev.ferrite.rules.sql.value.TermOrder;
import dev.ferrite.rules.sql.value.Values;

/** Arrays, counted from 1: nth, length, sublist, first, last, contains. */
final class ArrayFunctions {

    private ArrayFunctions() {
    }

    static void register(FunctionTable table) {
        table.define("nth", 2, (args, scope) -> nth(Args.integer(args, 0), Args.list(args, 1)));
        table.define("length", 1, (args, scope) -> (long) Args.list(args, 0).size());
        table.define("sublist", 2, 3, (args, scope) -> args.length == 2
                ? sublist(1, Args.integer(args, 0), Args.list(args, 1))
                : sublist(Args.integer(args, 0), Args.integer(args, 1), Args.list(args, 2)));
        table.define("first", 1, (args, scope) -> nth(1, Args.list(args, 0)));
        table.define("last", 1, (args, scope) -> nth(Args.list(args, 0).size(), Args.list(args, 0)));
        table.define("contains", 2, (args, scope) -> contains(args[0], Args.list(args, 1)));
    }

    private static Object nth(long position, List<?> list) {
        if (position < 1 || position > list.size()) {
            throw new EvaluationFailure("no element " + position + " in an array of " + list.size());
        }
        return Values.normalize(list.get((int) position - 1));
    }

    /** The elements from position {@code start} (from 1), at most {@code length} of them. */
    private static List<Object> sublist(long start, long length, List<?> list) {
        if (start < 1 || start > list.size() + 1L || length < 0) {
            throw new EvaluationFailure("sublist from " + start + " of " + length + " is outside an array of " + list.size());
        }
        int from = (int) start - 1;
        int to = (int) Math.min(list.size(), from + length);
        List<Object> slice = new ArrayList<>(to - from);
        for (Object element : list.subList(from, to)) {
            slice.add(Values.normalize(element));
        }
        return slice;
    }

    private static boolean contains(Object needle, List<?> list) {
        for (Object element : list) {
            Object value = Values.normalize(element);
            if (needle == null ? value == null : value != null && TermOrder.equal(needle, value)) {
                return true;
            }
        }
        return false;
    }
}
