package dev.ferrite.gateway.auth;

import java.net.InetSocketAddress;

/**
 * What a CONNECT says about who the client is.
 *
 * @param username null when absent
 * @param password null when absent
 * @param listener the listener's name ({@code tcp}, {@code ws}, ...)
 * @param loopbackListener whether the listener is bound to a loopback address only
 */
public record ConnectCredentials(String clientId, String username, byte[] password, InetSocketAddress peer,
        String listener, boolean loopbackListener) {
}
