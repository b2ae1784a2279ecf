package dev.ferrite.gateway.auth;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a CONNECT is accepted and what the client may do afterwards. The gateway
 * calls it once per CONNECT; PUBLISH and SUBSCRIBE are checked against the returned
 * {@link ClientPermissions} without calling it again. Internal principals are recognised
 * before it is asked.
 */
public interface Authenticator {

    CompletionStage<AuthDecision> authenticate(ConnectCredentials credentials);
}
