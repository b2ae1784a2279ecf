package dev.ferrite.cert.crl;

import dev.ferrite.cert.issue.RevocationChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** When CRLs are re-signed: right after a revocation commits, and on a periodic check. */
@Component
@EnableScheduling
class CrlRefresh implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CrlRefresh.class);

    private final CurrentCrls crls;
    private final CrlProperties properties;

    CrlRefresh(CurrentCrls crls, CrlProperties properties) {
        this.crls = crls;
        this.properties = properties;
    }

    /** The revocation has committed by now; a failure here must not turn its answer into an error. */
    @TransactionalEventListener(fallbackExecution = true)
    void onRevocationChanged(RevocationChanged change) {
        try {
            crls.revocationsChanged(change.ca());
        } catch (RuntimeException e) {
            log.error("Cannot re-sign the CRL of CA '{}' after certificate {} changed; trying again in {}",
                    change.ca(), change.serial(), properties.checkInterval(), e);
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(crls::resignDue, properties.checkInterval());
    }
}
