package dev.ferrite.gateway.sys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ferrite.gateway.sys-interval}: how often the {@code $SYS/brokers/{node}/...} topics are
 * published (EMQX's {@code sys_msg_interval}); {@code 0} turns them off.
 */
@ConfigurationProperties("ferrite.gateway")
public record SysProperties(@DefaultValue("1m") Duration sysInterval) {

    public SysProperties {
        if (sysInterval.isNegative()) {
            throw new IllegalArgumentException("ferrite.gateway.sys-interval must be 0 (off) or positive, was " + sysInterval);
        }
    }

    public boolean enabled() {
        return !sysInterval.isZero();
    }
}
