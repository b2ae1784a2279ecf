package dev.ferrite.gateway.node;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrite.gateway.node-name}: this node's name in {@code $SYS} topics, {@code $events}
 * messages and the REST API, in EMQX's form ({@code emqx@127.0.0.1}); {@code ferrite@<hostname>}
 * when not set.
 */
@ConfigurationProperties("ferrite.gateway")
public record NodeProperties(String nodeName) {

    public NodeProperties {
        if (nodeName == null || nodeName.isBlank()) {
            nodeName = "ferrite@" + hostname();
        }
        // The name is one level of $SYS/brokers/{node}/...: it cannot hold a separator or a wildcard.
        if (nodeName.indexOf('/') >= 0 || nodeName.indexOf('+') >= 0 || nodeName.indexOf('#') >= 0
                || nodeName.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "ferrite.gateway.node-name must not contain '/', '+', '#' or NUL, was '" + nodeName + "'");
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
