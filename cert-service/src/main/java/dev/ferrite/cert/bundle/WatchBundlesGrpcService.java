package dev.ferrite.cert.bundle;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.ferrite.contracts.cert.v1.BundleChange;
import dev.ferrite.contracts.cert.v1.CertificateBundlesGrpc;
import dev.ferrite.contracts.cert.v1.WatchBundlesRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The control-bus side of bundles: listeners and connectors watch the bundles they use and get
 * each one's chain and key, then every change, over one long-lived stream.
 */
@Service
public class WatchBundlesGrpcService extends CertificateBundlesGrpc.CertificateBundlesImplBase {

    private static final Logger log = LoggerFactory.getLogger(WatchBundlesGrpcService.class);

    private final Bundles bundles;
    private final BundleChangeMessages messages;

    WatchBundlesGrpcService(Bundles bundles, BundleChangeMessages messages) {
        this.bundles = bundles;
        this.messages = messages;
    }

    @Override
    public void watchBundles(WatchBundlesRequest request, StreamObserver<BundleChange> responses) {
        Set<String> names = new LinkedHashSet<>(request.getNamesList());
        for (String name : names) {
            if (!BundleNames.isValid(name)) {
                responses.onError(Status.INVALID_ARGUMENT
                        .withDescription("'" + name + "' is not a bundle name: 1 to 63 lowercase letters, digits and '-'")
                        .asRuntimeException());
                return;
            }
        }
        ServerCallStreamObserver<BundleChange> stream = (ServerCallStreamObserver<BundleChange>) responses;
        AtomicReference<BundleWatchers.Registration> registration = new AtomicReference<>();
        stream.setOnCancelHandler(() -> {
            BundleWatchers.Registration watching = registration.get();
            if (watching != null) {
                watching.close();
            }
        });
        registration.set(bundles.watch(names, new BundleWatcher() {
            @Override
            public void current(Bundle bundle) {
                stream.onNext(messages.current(bundle));
            }

            @Override
            public void snapshotComplete() {
                stream.onNext(messages.snapshotComplete());
            }

            @Override
            public void changed(BundleChanged change) {
                stream.onNext(messages.changed(change));
            }

            @Override
            public void stopping() {
                stream.onError(Status.UNAVAILABLE.withDescription("cert-service is stopping; watch again").asRuntimeException());
            }
        }));
        if (stream.isCancelled()) {
            registration.get().close();
        }
        log.debug("A watcher of {} bundles joined", names.isEmpty() ? "all" : names);
    }
}
