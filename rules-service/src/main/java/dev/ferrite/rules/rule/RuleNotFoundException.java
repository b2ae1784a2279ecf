package dev.ferrite.rules.rule;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 problem+json for a rule id that does not exist. */
public class RuleNotFoundException extends ErrorResponseException {

    public RuleNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No rule with id '" + id + "'");
        problem.setTitle("Rule not found");
        problem.setProperty("code", "NOT_FOUND");
        return problem;
    }
}
