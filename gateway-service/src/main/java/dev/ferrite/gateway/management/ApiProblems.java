package dev.ferrite.gateway.management;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 7807 problems that also carry EMQX's error fields, so that a client written for EMQX
 * finds its {@code code} (or {@code reason_code} and {@code message} for publishing) where it
 * expects them.
 */
final class ApiProblems {

    private ApiProblems() {
    }

    static ErrorResponseException clientNotFound(String clientId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No client '" + clientId + "'");
        problem.setTitle("Client not found");
        problem.setProperty("code", "CLIENTID_NOT_FOUND");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    static ErrorResponseException invalidParameter(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter");
        problem.setProperty("code", "INVALID_PARAMETER");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** A message that cannot be published, with EMQX's PUBACK-style reason. */
    static ErrorResponseException unpublishable(int reasonCode, String reasonName, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Message not published");
        problem.setProperty("reason_code", reasonCode);
        problem.setProperty("message", reasonName);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
