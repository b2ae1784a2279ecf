package dev.ferrite.auth.apikey;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v5/api_key}: management API keys, in EMQX 5's shape. */
@RestController
@RequestMapping(path = "/api/v5/api_key", produces = "application/json")
@Tag(name = "API keys")
public class ApiKeyController {

    private final ApiKeyService service;

    public ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List API keys (never their secrets)")
    public List<ApiKeyJson.View> list() {
        return service.list();
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Create an API key; the answer holds its secret, shown this once")
    public ApiKeyJson.View create(@Valid @RequestBody ApiKeyJson.CreateRequest request) {
        return service.create(request);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One API key")
    public ApiKeyJson.View get(@PathVariable String name) {
        return service.get(name);
    }

    @PutMapping(path = "/{name}", consumes = "application/json")
    @Operation(summary = "Change an API key's description, state, expiry or role")
    public ApiKeyJson.View update(@PathVariable String name, @Valid @RequestBody ApiKeyJson.UpdateRequest request) {
        return service.update(name, request);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an API key; it stops working on every service within the guard's cache time")
    public void delete(@PathVariable String name) {
        service.delete(name);
    }
}
