package dev.ferrite.bridge.pubsub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BridgePubsubServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BridgePubsubServiceApplication.class, args);
    }
}
