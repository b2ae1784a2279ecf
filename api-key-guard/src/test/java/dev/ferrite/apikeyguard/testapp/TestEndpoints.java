package dev.ferrite.apikeyguard.testapp;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TestEndpoints {

    @GetMapping("/api/v5/things")
    Map<String, Object> things() {
        return Map.of("things", List.of("one", "two"));
    }

    @PostMapping("/api/v5/things")
    Map<String, Object> addThing(@RequestBody Map<String, Object> thing) {
        return Map.of("added", thing);
    }

    @PostMapping("/api/v5/publish")
    Map<String, Object> publish(@RequestBody Map<String, Object> message) {
        return Map.of("id", "message-1");
    }
}
