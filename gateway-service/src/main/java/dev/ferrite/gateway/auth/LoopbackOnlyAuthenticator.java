package dev.ferrite.gateway.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The default until auth-service is wired in: anonymous clients on listeners bound to loopback
 * (like Mosquitto 2's local-only mode), nobody elsewhere.
 */
public class LoopbackOnlyAuthenticator implements Authenticator {

    static final String REFUSAL = "anonymous clients are allowed only on listeners bound to loopback "
            + "until authentication is configured";

    @Override
    public CompletionStage<AuthDecision> authenticate(ConnectCredentials credentials) {
        AuthDecision decision = credentials.loopbackListener()
                ? new AuthDecision.Allowed(ClientPermissions.DEVICE_DEFAULT, false, 0)
                : new AuthDecision.Refused(0x87, REFUSAL);
        return CompletableFuture.completedFuture(decision);
    }
}
