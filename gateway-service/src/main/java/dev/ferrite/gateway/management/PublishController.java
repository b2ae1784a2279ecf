package dev.ferrite.gateway.management;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.publish.Publisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v5/publish} and {@code /api/v5/publish/bulk}, answered as EMQX 5 answers: 200
 * with the message id when some session took the message, 202 with reason code 16
 * ({@code no_matching_subscribers}) when none did, 400 for a message that cannot be published. A
 * bulk request publishes nothing unless every message in it is valid.
 */
@RestController
@RequestMapping(path = "/api/v5/publish", produces = "application/json", consumes = "application/json")
@Tag(name = "Publish")
public class PublishController {

    static final int NO_MATCHING_SUBSCRIBERS = 0x10;

    /** Answers for one message: the id it got, or why it reached nobody. */
    public sealed interface Outcome permits Published, NotDelivered {
    }

    public record Published(String id) implements Outcome {
    }

    public record NotDelivered(@JsonProperty("reason_code") int reasonCode, String message) implements Outcome {
    }

    private final ApiMessages messages;
    private final Publisher publisher;

    public PublishController(ApiMessages messages, Publisher publisher) {
        this.messages = messages;
        this.publisher = publisher;
    }

    @PostMapping
    @Operation(summary = "Publish a message")
    @ApiResponse(responseCode = "200", description = "Delivered to at least one session: {\"id\"}")
    @ApiResponse(responseCode = "202",
            description = "No subscriber: {\"reason_code\": 16, \"message\": \"no_matching_subscribers\"}")
    @ApiResponse(responseCode = "400", description = "Not publishable (a wildcard or invalid topic, a bad field)")
    public ResponseEntity<Outcome> publish(@RequestBody PublishRequest request) {
        Outcome outcome = publish(messages.toMessage(request, System.currentTimeMillis()));
        return ResponseEntity.status(status(outcome)).body(outcome);
    }

    @PostMapping("/bulk")
    @Operation(summary = "Publish several messages, in order")
    @ApiResponse(responseCode = "200", description = "Every message delivered to at least one session")
    @ApiResponse(responseCode = "202", description = "At least one message reached no subscriber")
    @ApiResponse(responseCode = "400", description = "Empty, or one message is not publishable: none was published")
    public ResponseEntity<List<Outcome>> publishBulk(@RequestBody List<PublishRequest> requests) {
        if (requests.isEmpty()) {
            throw ApiProblems.unpublishable(ApiMessages.IMPLEMENTATION_SPECIFIC_ERROR, "empty_batch",
                    "The batch holds no message");
        }
        long now = System.currentTimeMillis();
        List<Message> batch = requests.stream().map(request -> messages.toMessage(request, now)).toList();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        HttpStatus status = HttpStatus.OK;
        for (Message message : batch) {
            Outcome outcome = publish(message);
            outcomes.add(outcome);
            if (status(outcome) != HttpStatus.OK) {
                status = HttpStatus.ACCEPTED;
            }
        }
        return ResponseEntity.status(status).body(outcomes);
    }

    private Outcome publish(Message message) {
        return publisher.publish(message) > 0 ? new Published(message.id())
                : new NotDelivered(NO_MATCHING_SUBSCRIBERS, "no_matching_subscribers");
    }

    private static HttpStatus status(Outcome outcome) {
        return outcome instanceof Published ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
