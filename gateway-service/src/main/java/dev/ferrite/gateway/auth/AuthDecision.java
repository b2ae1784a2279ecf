package dev.ferrite.gateway.auth;

/** The answer to a CONNECT. */
public sealed interface AuthDecision {

    /**
     * @param internal whether the client is one of the platform's own services
     * @param expiresAt epoch milliseconds when the credentials stop being valid (a JWT's exp), or 0
     */
    record Allowed(ClientPermissions permissions, boolean internal, long expiresAt) implements AuthDecision {
    }

    /**
     * @param reasonCode the MQTT 5 CONNACK reason (0x86 bad user name or password, 0x87 not authorized,
     *                   0x88 server unavailable, ...); 3.1.1 clients get the nearest 3.1.1 code
     * @param reason why, for the log and the 5.0 Reason String
     */
    record Refused(int reasonCode, String reason) implements AuthDecision {
    }
}
