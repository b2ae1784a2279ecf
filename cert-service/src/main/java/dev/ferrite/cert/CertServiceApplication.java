package dev.ferrite.cert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CertServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CertServiceApplication.class, args);
    }
}
