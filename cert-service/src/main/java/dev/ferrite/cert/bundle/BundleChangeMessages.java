package dev.ferrite.cert.bundle;

import java.time.Instant;

import com.google.protobuf.Timestamp;
import dev.ferrite.contracts.cert.v1.BundleChange;
import dev.ferrite.contracts.cert.v1.BundleChangeType;

import org.springframework.stereotype.Component;

/** Bundles and their changes as WatchBundles messages, with the private keys opened. */
@Component
class BundleChangeMessages {

    private final BundleKeys keys;

    BundleChangeMessages(BundleKeys keys) {
        this.keys = keys;
    }

    BundleChange current(Bundle bundle) {
        return withMaterial(BundleChangeType.BUNDLE_CHANGE_TYPE_CURRENT, bundle);
    }

    BundleChange snapshotComplete() {
        return BundleChange.newBuilder().setType(BundleChangeType.BUNDLE_CHANGE_TYPE_SNAPSHOT_COMPLETE).build();
    }

    BundleChange changed(BundleChanged change) {
        return switch (change.type()) {
            case UPDATED -> withMaterial(BundleChangeType.BUNDLE_CHANGE_TYPE_UPDATED, change.bundle());
            case ROTATED -> withMaterial(BundleChangeType.BUNDLE_CHANGE_TYPE_ROTATED, change.bundle());
            case PREVIOUS_RELEASED -> withMaterial(BundleChangeType.BUNDLE_CHANGE_TYPE_PREVIOUS_RELEASED, change.bundle());
            case DELETED -> BundleChange.newBuilder().setType(BundleChangeType.BUNDLE_CHANGE_TYPE_DELETED)
                    .setName(change.name()).setVersion(change.version()).build();
        };
    }

    private BundleChange withMaterial(BundleChangeType type, Bundle bundle) {
        BundleVersion current = bundle.current();
        BundleChange.Builder message = BundleChange.newBuilder()
                .setType(type)
                .setName(bundle.name())
                .setVersion(current.version())
                .setChainPem(current.chainPem())
                .setKeyPem(keys.privateKeyPem(bundle.name(), current))
                .setCaPem(nullToEmpty(current.caPem()))
                .setNotAfter(timestamp(current.notAfter()));
        BundleVersion previous = bundle.previous();
        if (previous != null) {
            message.setPrevious(dev.ferrite.contracts.cert.v1.BundleVersion.newBuilder()
                    .setVersion(previous.version())
                    .setChainPem(previous.chainPem())
                    .setKeyPem(keys.privateKeyPem(bundle.name(), previous))
                    .setCaPem(nullToEmpty(previous.caPem()))
                    .setNotAfter(timestamp(previous.notAfter())));
        }
        return message.build();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
