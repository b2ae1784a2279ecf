package dev.ferrite.restconventions.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EchoController {

    record Message(@NotBlank String name, int count) {
    }

    @PostMapping(path = "/api/v5/echo", consumes = "application/json", produces = "application/json")
    Message echo(@Valid @RequestBody Message message) {
        return message;
    }
}
