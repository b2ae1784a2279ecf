package dev.ferrite.rules.rule;

import dev.ferrite.rules.sql.RuleSqlException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 400 problem+json: the rule cannot be saved (or tested) as it is; for bad SQL with its line and column. */
public class InvalidRuleException extends ErrorResponseException {

    public InvalidRuleException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private InvalidRuleException(ProblemDetail problem, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, problem, cause);
    }

    public static InvalidRuleException badSql(RuleSqlException e) {
        ProblemDetail problem = problem("Invalid SQL: " + e.getMessage());
        problem.setTitle("Invalid rule SQL");
        problem.setProperty("line", e.line());
        problem.setProperty("column", e.column());
        return new InvalidRuleException(problem, e);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid rule");
        problem.setProperty("code", "BAD_REQUEST");
        return problem;
    }
}
