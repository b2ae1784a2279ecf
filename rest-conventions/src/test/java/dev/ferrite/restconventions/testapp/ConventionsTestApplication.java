package dev.ferrite.restconventions.testapp;

import java.util.Properties;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/** A service that has nothing but the REST conventions, a body-reading endpoint and a switchable dependency. */
@SpringBootApplication
public class ConventionsTestApplication {

    public static final String VERSION = "1.2.3-test";

    @Bean
    SwitchableHealthIndicator downstreamHealthIndicator() {
        return new SwitchableHealthIndicator();
    }

    @Bean
    BuildProperties buildProperties() {
        Properties properties = new Properties();
        properties.setProperty("version", VERSION);
        return new BuildProperties(properties);
    }
}
