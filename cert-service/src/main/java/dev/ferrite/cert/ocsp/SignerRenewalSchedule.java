package dev.ferrite.cert.ocsp;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Checks the OCSP signers at start (every CA gets a fresh one) and every {@code signer-check-interval} after. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SignerRenewalSchedule implements SchedulingConfigurer {

    private final OcspSigners signers;
    private final OcspProperties properties;

    SignerRenewalSchedule(OcspSigners signers, OcspProperties properties) {
        this.signers = signers;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(
                signers::renewDue, properties.signerCheckInterval(), Duration.ZERO));
    }
}
