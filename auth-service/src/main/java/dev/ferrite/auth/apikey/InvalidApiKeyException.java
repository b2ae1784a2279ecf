package dev.ferrite.auth.apikey;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request to create or change an API key that cannot be carried out as asked: 400. */
public class InvalidApiKeyException extends ResponseStatusException {

    public InvalidApiKeyException(String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
    }
}
