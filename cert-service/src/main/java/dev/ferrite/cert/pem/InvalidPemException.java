package dev.ferrite.cert.pem;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** PEM input that cannot be used; a 400 when it came with a request. */
public class InvalidPemException extends ResponseStatusException {

    public InvalidPemException(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
