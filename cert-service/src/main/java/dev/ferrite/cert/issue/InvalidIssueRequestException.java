package dev.ferrite.cert.issue;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An issue request that cannot be honoured as asked: 400 with the reason. */
public class InvalidIssueRequestException extends ResponseStatusException {

    public InvalidIssueRequestException(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
