package dev.ferrite.rules.sql.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleSqlException;
import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.grammar.RuleSqlLexer;
import dev.ferrite.rules.sql.grammar.RuleSqlParser;
import dev.ferrite.rules.sql.statement.ForeachRule;
import dev.ferrite.rules.sql.statement.Projection;
import dev.ferrite.rules.sql.statement.SelectRule;
import dev.ferrite.rules.sql.statement.Sources;
import dev.ferrite.rules.sql.topic.TopicFilters;

/** Parses a rule's SQL with the ANTLR grammar and builds the statement that evaluates it. */
public final class RuleCompiler {

    private static final String DEFAULT_ITEM_NAME = "item";

    private final String sql;

    private RuleCompiler(String sql) {
        this.sql = sql;
    }

    /** @throws RuleSqlException with line and column when the SQL cannot become a rule */
    public static CompiledRule compile(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new RuleSqlException("the SQL is empty", 1, 1);
        }
        try {
            return new RuleCompiler(sql).statement(parse(sql));
        } catch (StackOverflowError tooDeep) {
            throw new RuleSqlException("the SQL nests too deeply", 1, 1);
        }
    }

    private static RuleSqlParser.StatementContext parse(String sql) {
        SyntaxErrors errors = new SyntaxErrors();
        RuleSqlLexer lexer = new RuleSqlLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        RuleSqlParser parser = new RuleSqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser.statement();
    }

    private CompiledRule statement(RuleSqlParser.StatementContext statement) {
        return statement.selectStatement() != null
                ? select(statement.selectStatement())
                : foreach(statement.foreachStatement());
    }

    private CompiledRule select(RuleSqlParser.SelectStatementContext select) {
        NameScope names = NameScope.messageOnly().withRowAliases(aliasRoots(select.fields()));
        return new SelectRule(projection(select.fields(), names), sources(select.fromClause()),
                where(select.whereClause(), names));
    }

    private CompiledRule foreach(RuleSqlParser.ForeachStatementContext foreach) {
        List<RuleSqlParser.NamedExprContext> expressions = foreach.foreachFields().namedExpr();
        Set<String> bound = new HashSet<>();
        List<ForeachRule.Binding> bindings = new ArrayList<>();
        for (RuleSqlParser.NamedExprContext named : expressions.subList(0, expressions.size() - 1)) {
            Evaluator value = new ExpressionCompiler(new NameScope(null, Set.of(), Set.copyOf(bound))).compile(named.expr());
            List<String> alias = named.alias() == null ? null : Keys.alias(named.alias());
            bindings.add(new ForeachRule.Binding(value, alias));
            if (alias != null) {
                bound.add(alias.get(0));
            }
        }
        RuleSqlParser.NamedExprContext arrayExpression = expressions.get(expressions.size() - 1);
        Evaluator array = new ExpressionCompiler(new NameScope(null, Set.of(), Set.copyOf(bound)))
                .compile(arrayExpression.expr());
        String itemName = itemName(arrayExpression);
        bound.add(itemName);
        NameScope eachNames = new NameScope(itemName, Set.of(), Set.copyOf(bound));
        Projection each = foreach.fields() == null ? null
                : projection(foreach.fields(), eachNames.withRowAliases(aliasRoots(foreach.fields())));
        Evaluator incase = foreach.incase == null ? null : new ExpressionCompiler(eachNames).compile(foreach.incase);
        NameScope whereNames = new NameScope(null, Set.of(), Set.copyOf(bound));
        return new ForeachRule(bindings, array, itemName, each, incase, sources(foreach.fromClause()),
                where(foreach.whereClause(), whereNames));
    }

    private static String itemName(RuleSqlParser.NamedExprContext arrayExpression) {
        if (arrayExpression.alias() == null) {
            return DEFAULT_ITEM_NAME;
        }
        List<String> alias = Keys.alias(arrayExpression.alias());
        if (alias.size() != 1) {
            throw error("the name of the FOREACH element must be a plain name", arrayExpression.alias().start);
        }
        return alias.get(0);
    }

    private Projection projection(RuleSqlParser.FieldsContext fields, NameScope names) {
        ExpressionCompiler compiler = new ExpressionCompiler(names);
        List<Projection.Output> outputs = new ArrayList<>();
        for (RuleSqlParser.FieldContext field : fields.field()) {
            if (field instanceof RuleSqlParser.OneFieldContext one) {
                RuleSqlParser.NamedExprContext named = one.namedExpr();
                List<String> key = named.alias() != null ? Keys.alias(named.alias()) : Keys.unaliased(named.expr(), sql);
                outputs.add(new Projection.Output(compiler.compile(named.expr()), key));
            } else {
                outputs.add(Projection.Output.allFields());
            }
        }
        return new Projection(outputs);
    }

    private static Set<String> aliasRoots(RuleSqlParser.FieldsContext fields) {
        Set<String> roots = new HashSet<>();
        for (RuleSqlParser.FieldContext field : fields.field()) {
            if (field instanceof RuleSqlParser.OneFieldContext one && one.namedExpr().alias() != null) {
                roots.add(Keys.alias(one.namedExpr().alias()).get(0));
            }
        }
        return Set.copyOf(roots);
    }

    private static Evaluator where(RuleSqlParser.WhereClauseContext where, NameScope names) {
        return where == null ? null : new ExpressionCompiler(names).compile(where.expr());
    }

    private static Sources sources(RuleSqlParser.FromClauseContext from) {
        List<String> topics = new ArrayList<>();
        for (RuleSqlParser.TopicContext topic : from.topic()) {
            Token token = topic.STRING().getSymbol();
            String filter = Literals.unquote(token);
            problem(filter).ifPresent(problem -> {
                throw error(problem + ": " + filter, token);
            });
            topics.add(filter);
        }
        return new Sources(topics);
    }

    private static Optional<String> problem(String filter) {
        if (filter.startsWith(Sources.EVENT_PREFIX)) {
            return Sources.EVENTS.contains(filter) ? Optional.empty() : Optional.of("unknown event");
        }
        return TopicFilters.problem(filter);
    }

    private static RuleSqlException error(String message, Token at) {
        return new RuleSqlException(message, at.getLine(), at.getCharPositionInLine() + 1);
    }
}
