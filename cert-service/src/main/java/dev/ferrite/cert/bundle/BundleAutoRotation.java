package dev.ferrite.cert.bundle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ferrite.cert.issue.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Rotates issued bundles before they expire, when {@code ferrite.cert.bundle.auto-rotate-before} asks for it. */
@Component
public class BundleAutoRotation {

    private static final Logger log = LoggerFactory.getLogger(BundleAutoRotation.class);

    private final Bundles bundles;
    private final BundleProperties properties;
    private final Clock clock;

    public BundleAutoRotation(Bundles bundles, BundleProperties properties, Clock clock) {
        this.bundles = bundles;
        this.properties = properties;
        this.clock = clock;
    }

    /** Rotates every issued bundle that expires within the configured time; returns the rotated ones. */
    public List<Bundle> rotateDue() {
        Duration before = properties.autoRotateBefore();
        List<Bundle> rotated = new ArrayList<>();
        if (before == null) {
            return rotated;
        }
        Instant due = clock.instant().plus(before);
        for (Bundle bundle : bundles.all()) {
            if (bundle.source() != BundleSource.ISSUED || bundle.current().notAfter().isAfter(due)) {
                continue;
            }
            if (!outlives(bundle.issue(), before)) {
                log.warn("Bundle '{}' is not rotated automatically: its certificates are valid for no longer than"
                        + " ferrite.cert.bundle.auto-rotate-before ({}), so every check would rotate it again",
                        bundle.name(), before);
                continue;
            }
            try {
                rotated.add(bundles.rotate(bundle.name()));
                log.info("Bundle '{}' rotated automatically: version {} expires at {}", bundle.name(),
                        bundle.current().version(), bundle.current().notAfter());
            } catch (RuntimeException e) {
                log.warn("Bundle '{}' could not be rotated automatically: {}", bundle.name(), e.getMessage());
            }
        }
        return rotated;
    }

    private static boolean outlives(IssueParameters issue, Duration before) {
        Integer days = issue.validityDays();
        if (days == null) {
            days = Profile.fromWireName(issue.profile()).map(Profile::defaultValidityDays).orElse(0);
        }
        return Duration.ofDays(days).compareTo(before) > 0;
    }
}
