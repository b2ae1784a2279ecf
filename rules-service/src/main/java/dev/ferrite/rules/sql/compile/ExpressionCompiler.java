package dev.ferrite.rules.sql.compile;

import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.Token;

import dev.ferrite.rules.sql.RuleEvaluationException;
import dev.ferrite.rules.sql.RuleSqlException;
import dev.ferrite.rules.sql.eval.Access;
import dev.ferrite.rules.sql.eval.Arithmetic;
import dev.ferrite.rules.sql.eval.Choice;
import dev.ferrite.rules.sql.eval.Comparison;
import dev.ferrite.rules.sql.eval.Constant;
import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Logic;
import dev.ferrite.rules.sql.eval.Names;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.functions.BuiltInFunctions;
import dev.ferrite.rules.sql.functions.FunctionCall;
import dev.ferrite.rules.sql.functions.FunctionSpec;
import dev.ferrite.rules.sql.grammar.RuleSqlBaseVisitor;
import dev.ferrite.rules.sql.grammar.RuleSqlParser;

/**
 * Turns one parsed expression into a tree of evaluators: names resolved, functions looked up
 * and their arity checked, and operations on constants computed once.
 */
final class ExpressionCompiler extends RuleSqlBaseVisitor<Evaluator> {

    private static final String PAYLOAD = "payload";

    private final NameScope names;

    ExpressionCompiler(NameScope names) {
        this.names = names;
    }

    Evaluator compile(RuleSqlParser.ExprContext expression) {
        return expression.accept(this);
    }

    @Override
    public Evaluator visitPrimaryExpr(RuleSqlParser.PrimaryExprContext ctx) {
        return ctx.primary().accept(this);
    }

    @Override
    public Evaluator visitFieldAccess(RuleSqlParser.FieldAccessContext ctx) {
        return new Access.Field(container(ctx.expr()), Keys.text(ctx.key()));
    }

    @Override
    public Evaluator visitIndexAccess(RuleSqlParser.IndexAccessContext ctx) {
        return new Access.Index(container(ctx.expr(0)), compile(ctx.index));
    }

    @Override
    public Evaluator visitRangeAccess(RuleSqlParser.RangeAccessContext ctx) {
        return new Access.Range(container(ctx.expr(0)), compile(ctx.from), compile(ctx.to));
    }

    /** What a path reads from; {@code payload} there means the payload decoded as JSON. */
    private Evaluator container(RuleSqlParser.ExprContext target) {
        String name = Keys.plainName(target);
        if (PAYLOAD.equals(name) && !shadowed(PAYLOAD)) {
            return new Names.DecodedPayload();
        }
        return compile(target);
    }

    @Override
    public Evaluator visitUnaryExpr(RuleSqlParser.UnaryExprContext ctx) {
        Evaluator operand = compile(ctx.expr());
        return ctx.op.getText().equals("-") ? fold(new Arithmetic.Negate(operand), operand) : operand;
    }

    @Override
    public Evaluator visitMultiplicative(RuleSqlParser.MultiplicativeContext ctx) {
        return arithmetic(ctx.op, ctx.left, ctx.right);
    }

    @Override
    public Evaluator visitAdditive(RuleSqlParser.AdditiveContext ctx) {
        return arithmetic(ctx.op, ctx.left, ctx.right);
    }

    private Evaluator arithmetic(Token operator, RuleSqlParser.ExprContext left, RuleSqlParser.ExprContext right) {
        Evaluator a = compile(left);
        Evaluator b = compile(right);
        return fold(new Arithmetic(Arithmetic.Operator.of(operator.getText()), a, b), a, b);
    }

    @Override
    public Evaluator visitComparison(RuleSqlParser.ComparisonContext ctx) {
        Evaluator a = compile(ctx.left);
        Evaluator b = compile(ctx.right);
        return fold(new Comparison(Comparison.Operator.of(ctx.op.getText()), a, b), a, b);
    }

    @Override
    public Evaluator visitInList(RuleSqlParser.InListContext ctx) {
        List<RuleSqlParser.ExprContext> expressions = ctx.expr();
        Evaluator[] candidates = expressions.subList(1, expressions.size()).stream()
                .map(this::compile).toArray(Evaluator[]::new);
        return new Choice.In(compile(expressions.get(0)), candidates, ctx.NOT() != null);
    }

    @Override
    public Evaluator visitNotExpr(RuleSqlParser.NotExprContext ctx) {
        Evaluator operand = compile(ctx.expr());
        return fold(new Logic.Not(operand), operand);
    }

    @Override
    public Evaluator visitAndExpr(RuleSqlParser.AndExprContext ctx) {
        return new Logic.And(compile(ctx.left), compile(ctx.right));
    }

    @Override
    public Evaluator visitOrExpr(RuleSqlParser.OrExprContext ctx) {
        return new Logic.Or(compile(ctx.left), compile(ctx.right));
    }

    @Override
    public Evaluator visitLiteralExpr(RuleSqlParser.LiteralExprContext ctx) {
        return ctx.literal().accept(this);
    }

    @Override
    public Evaluator visitStringLiteral(RuleSqlParser.StringLiteralContext ctx) {
        return new Constant(Literals.unquote(ctx.STRING().getSymbol()));
    }

    @Override
    public Evaluator visitIntegerLiteral(RuleSqlParser.IntegerLiteralContext ctx) {
        return new Constant(Literals.integer(ctx.INTEGER().getSymbol()));
    }

    @Override
    public Evaluator visitDecimalLiteral(RuleSqlParser.DecimalLiteralContext ctx) {
        return new Constant(Literals.decimal(ctx.DECIMAL().getSymbol()));
    }

    @Override
    public Evaluator visitTrueLiteral(RuleSqlParser.TrueLiteralContext ctx) {
        return new Constant(Boolean.TRUE);
    }

    @Override
    public Evaluator visitFalseLiteral(RuleSqlParser.FalseLiteralContext ctx) {
        return new Constant(Boolean.FALSE);
    }

    @Override
    public Evaluator visitNullLiteral(RuleSqlParser.NullLiteralContext ctx) {
        return new Constant(null);
    }

    @Override
    public Evaluator visitCaseExpr(RuleSqlParser.CaseExprContext ctx) {
        List<RuleSqlParser.WhenClauseContext> whens = ctx.whenClause();
        Evaluator[] conditions = whens.stream().map(when -> compile(when.condition)).toArray(Evaluator[]::new);
        Evaluator[] results = whens.stream().map(when -> compile(when.result)).toArray(Evaluator[]::new);
        return new Choice.Case(ctx.subject == null ? null : compile(ctx.subject), conditions, results,
                ctx.otherwise == null ? null : compile(ctx.otherwise));
    }

    @Override
    public Evaluator visitCall(RuleSqlParser.CallContext ctx) {
        Token name = ctx.functionName().start;
        FunctionSpec function = BuiltInFunctions.find(name.getText()).orElseThrow(() -> new RuleSqlException(
                "unknown function " + name.getText() + "()", name.getLine(), name.getCharPositionInLine() + 1));
        int arity = ctx.expr().size();
        if (!function.accepts(arity)) {
            throw new RuleSqlException(function.name() + "() takes " + function.arityText() + ", not " + arity,
                    name.getLine(), name.getCharPositionInLine() + 1);
        }
        Evaluator[] arguments = ctx.expr().stream().map(this::compile).toArray(Evaluator[]::new);
        FunctionCall call = new FunctionCall(function, arguments);
        return function.pure() ? fold(call, arguments) : call;
    }

    @Override
    public Evaluator visitName(RuleSqlParser.NameContext ctx) {
        String name = ctx.IDENTIFIER().getText();
        if (name.equals(names.itemName())) {
            return new Names.Item();
        }
        boolean inRow = names.rowAliases().contains(name);
        boolean inBindings = names.bindings().contains(name);
        return inRow || inBindings ? new Names.Aliased(name, inRow, inBindings) : new Names.ContextField(name);
    }

    @Override
    public Evaluator visitParenthesized(RuleSqlParser.ParenthesizedContext ctx) {
        return compile(ctx.expr());
    }

    @Override
    public Evaluator visitListLiteral(RuleSqlParser.ListLiteralContext ctx) {
        return new Choice.ArrayOf(ctx.expr().stream().map(this::compile).toArray(Evaluator[]::new));
    }

    private boolean shadowed(String name) {
        return name.equals(names.itemName()) || names.rowAliases().contains(name) || names.bindings().contains(name);
    }

    /**
     * An operation whose operands are all constants is computed now, when its result is a plain
     * value; if it fails, it is left to fail at evaluation, as the same rule would in EMQX.
     */
    private static Evaluator fold(Evaluator operation, Evaluator... operands) {
        for (Evaluator operand : operands) {
            if (!(operand instanceof Constant)) {
                return operation;
            }
        }
        try {
            Object value = operation.evaluate(new Scope(Map.of()));
            return value instanceof Map || value instanceof List ? operation : new Constant(value);
        } catch (RuleEvaluationException e) {
            return operation;
        }
    }
}
