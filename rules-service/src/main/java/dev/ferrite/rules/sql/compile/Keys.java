package dev.ferrite.rules.sql.compile;

import java.util.ArrayList;
import java.util.List;

import dev.ferrite.rules.sql.grammar.RuleSqlParser;

/** Keys and key paths as written in the SQL: after a dot, in an alias, or as an output field's name. */
final class Keys {

    private Keys() {
    }

    static String text(RuleSqlParser.KeyContext key) {
        return key.STRING() != null ? Literals.unquote(key.STRING().getSymbol()) : key.getText();
    }

    static List<String> alias(RuleSqlParser.AliasContext alias) {
        return alias.key().stream().map(Keys::text).toList();
    }

    /** The name when the expression is a bare name, else null. */
    static String plainName(RuleSqlParser.ExprContext expression) {
        if (expression instanceof RuleSqlParser.PrimaryExprContext primary
                && primary.primary() instanceof RuleSqlParser.NameContext name) {
            return name.IDENTIFIER().getText();
        }
        return null;
    }

    /**
     * The key of a field selected without AS, as EMQX names it: a name or a dotted path keeps its
     * path ({@code payload.a} gives {@code {"payload": {"a": ...}}}), a string its own text, and any
     * other expression the text it was written as.
     */
    static List<String> unaliased(RuleSqlParser.ExprContext expression, String sql) {
        List<String> path = dottedPath(expression);
        if (path != null) {
            return path;
        }
        if (expression instanceof RuleSqlParser.PrimaryExprContext primary
                && primary.primary() instanceof RuleSqlParser.LiteralExprContext literal
                && literal.literal() instanceof RuleSqlParser.StringLiteralContext string) {
            return List.of(Literals.unquote(string.STRING().getSymbol()));
        }
        return List.of(sql.substring(expression.start.getStartIndex(), expression.stop.getStopIndex() + 1));
    }

    private static List<String> dottedPath(RuleSqlParser.ExprContext expression) {
        String name = plainName(expression);
        if (name != null) {
            return new ArrayList<>(List.of(name));
        }
        if (expression instanceof RuleSqlParser.FieldAccessContext field) {
            List<String> path = dottedPath(field.expr());
            if (path != null) {
                path.add(text(field.key()));
            }
            return path;
        }
        return null;
    }
}
