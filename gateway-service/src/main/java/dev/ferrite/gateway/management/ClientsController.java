package dev.ferrite.gateway.management;

import java.util.Comparator;
import java.util.List;

import dev.ferrite.gateway.node.NodeProperties;
import dev.ferrite.gateway.session.SessionDirectory;
import dev.ferrite.gateway.session.SessionProperties;
import dev.ferrite.gateway.session.SessionSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v5/clients}: the node's clients (connected, and offline with a session), in EMQX 5's shape. */
@RestController
@RequestMapping(path = "/api/v5/clients", produces = "application/json")
@Tag(name = "Clients")
public class ClientsController {

    private final SessionDirectory sessions;
    private final String node;
    private final int mqueueMax;

    public ClientsController(SessionDirectory sessions, NodeProperties node, SessionProperties sessionProperties) {
        this.sessions = sessions;
        this.node = node.nodeName();
        this.mqueueMax = sessionProperties.maxQueuedMessages();
    }

    @GetMapping
    @Operation(summary = "List clients, by client id, filtered and paged as in EMQX")
    @ApiResponse(responseCode = "400", description = "A bad page, limit or conn_state")
    public Page<ClientView> list(
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) int limit,
            @Parameter(description = "Exact client ids (repeatable)") @RequestParam(required = false) List<String> clientid,
            @Parameter(description = "Exact usernames (repeatable)") @RequestParam(required = false) List<String> username,
            @Parameter(description = "Part of the client id") @RequestParam(name = "like_clientid", required = false)
            String likeClientid,
            @Parameter(description = "Part of the username") @RequestParam(name = "like_username", required = false)
            String likeUsername,
            @Parameter(description = "connected, idle or disconnected") @RequestParam(name = "conn_state", required = false)
            String connState,
            @RequestParam(name = "ip_address", required = false) String ipAddress,
            @Parameter(description = "3 (3.1), 4 (3.1.1) or 5") @RequestParam(name = "proto_ver", required = false)
            Integer protoVer,
            @RequestParam(name = "clean_start", required = false) Boolean cleanStart) {
        ClientQuery query = new ClientQuery(clientid, username, likeClientid, likeUsername, connState, ipAddress,
                protoVer, cleanStart);
        List<ClientView> matching = sessions.sessions().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing((SessionSnapshot session) -> session.client().clientId()))
                .map(session -> ClientView.of(session, node, mqueueMax))
                .toList();
        return Page.of(matching, page, limit);
    }

    @GetMapping("/{clientid}")
    @Operation(summary = "One client")
    @ApiResponse(responseCode = "404", description = "No such client (code CLIENTID_NOT_FOUND)")
    public ClientView get(@PathVariable String clientid) {
        return ClientView.of(find(clientid), node, mqueueMax);
    }

    @DeleteMapping("/{clientid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Kick the client out (MQTT 5 reason 0x98) and discard its session")
    @ApiResponse(responseCode = "204", description = "Kicked; the connection closes and the session ends at once")
    @ApiResponse(responseCode = "404", description = "No such client (code CLIENTID_NOT_FOUND)")
    public void kick(@PathVariable String clientid) {
        if (!sessions.kick(clientid)) {
            throw ApiProblems.clientNotFound(clientid);
        }
    }

    @GetMapping("/{clientid}/subscriptions")
    @Operation(summary = "The client's subscriptions")
    @ApiResponse(responseCode = "404", description = "No such client (code CLIENTID_NOT_FOUND)")
    public List<SubscriptionView> subscriptions(@PathVariable String clientid) {
        return find(clientid).subscriptions().stream()
                .map(subscription -> SubscriptionView.of(subscription, node))
                .toList();
    }

    private SessionSnapshot find(String clientId) {
        return sessions.find(clientId).orElseThrow(() -> ApiProblems.clientNotFound(clientId));
    }
}
