package dev.ferrite.cert.bundle;

/**
 * Published after a bundle changed, in the order of the changes.
 *
 * @param version the bundle's current version after the change; for {@code DELETED}, its last one
 * @param bundle the bundle after the change; null for {@code DELETED}
 */
public record BundleChanged(Type type, String name, long version, Bundle bundle) {

    public enum Type {
        /** Created, or replaced by an upload or a new issue. */
        UPDATED,
        /** Re-issued with its own parameters. */
        ROTATED,
        /** The previous version was confirmed away or expired. */
        PREVIOUS_RELEASED,
        DELETED
    }

    static BundleChanged of(Type type, Bundle bundle) {
        return new BundleChanged(type, bundle.name(), bundle.current().version(), bundle);
    }

    static BundleChanged deleted(Bundle last) {
        return new BundleChanged(Type.DELETED, last.name(), last.current().version(), null);
    }
}
