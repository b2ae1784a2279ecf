package dev.ferrite.rules;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This replica's name in rule contexts ({@code node}) and in metrics ({@code node_metrics}), like EMQX's {@code name@host}. */
@Component
public class NodeName {

    private final String name;

    public NodeName(Environment environment) {
        this.name = environment.getProperty("spring.application.name", "rules-service") + "@" + hostName();
    }

    public String get() {
        return name;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
