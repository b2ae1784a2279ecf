package dev.ferrite.rules.sql.statement;

import java.util.List;
import java.util.Map;

import dev.ferrite.rules.sql.CompiledRule;
import dev.ferrite.rules.sql.RuleEvaluationException;
import dev.ferrite.rules.sql.eval.Evaluator;
import dev.ferrite.rules.sql.eval.Scope;
import dev.ferrite.rules.sql.value.Values;

/**
 * What SELECT and FOREACH share: the sources, the WHERE condition, and the guarantee that one
 * bad input only ever surfaces as a {@link RuleEvaluationException}.
 */
abstract class Statement implements CompiledRule {

    private final Sources sources;
    private final Evaluator where;

    Statement(Sources sources, Evaluator where) {
        this.sources = sources;
        this.where = where;
    }

    @Override
    public final List<String> from() {
        return sources.from();
    }

    @Override
    public final boolean readsTopic(String topic) {
        return topic != null && sources.reads(topic);
    }

    @Override
    public final List<Map<String, Object>> evaluate(Map<String, Object> context) {
        if (context == null) {
            throw new RuleEvaluationException("no input to evaluate");
        }
        try {
            return run(new Scope(context));
        } catch (RuleEvaluationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new RuleEvaluationException("the rule failed on this input: " + e, e);
        }
    }

    abstract List<Map<String, Object>> run(Scope scope);

    final boolean passes(Scope scope) {
        return where == null || Values.isTrue(where.evaluate(scope));
    }
}
