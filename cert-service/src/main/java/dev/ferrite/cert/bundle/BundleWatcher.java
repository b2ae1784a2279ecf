package dev.ferrite.cert.bundle;

/** Receives the bundles it watches as they are, then their changes; called by one thread at a time. */
public interface BundleWatcher {

    void current(Bundle bundle);

    /** Every watched bundle that exists has been passed to {@link #current}. */
    void snapshotComplete();

    void changed(BundleChanged change);

    /** cert-service is stopping: no more changes will come, the watcher should watch again elsewhere or later. */
    void stopping();
}
