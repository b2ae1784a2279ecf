package dev.ferrite.rules.sql.functions;

/**
 * A built-in function: its name, how many arguments it takes, and whether it always gives the
 * same result for the same arguments (such calls on constants are computed once, at compile time).
 */
public record FunctionSpec(String name, int minArity, int maxArity, boolean pure, SqlFunction body) {

    public static final int ANY = Integer.MAX_VALUE;

    public boolean accepts(int arity) {
        return arity >= minArity && arity <= maxArity;
    }

    /** "1 argument", "2 or 3 arguments", "at least 1 argument" */
    public String arityText() {
        String count;
        if (maxArity == ANY) {
            count = "at least " + minArity;
        } else if (minArity == maxArity) {
            count = String.valueOf(minArity);
        } else if (maxArity == minArity + 1) {
            count = minArity + " or " + maxArity;
        } else {
            count = minArity + " to " + maxArity;
        }
        return count + (maxArity == 1 && minArity == 1 ? " argument" : " arguments");
    }
}
