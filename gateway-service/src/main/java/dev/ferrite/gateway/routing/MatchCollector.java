package dev.ferrite.gateway.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the subscriptions that match one topic name and merges them as {@link Matches}
 * promises: one entry per client, and each share group with its members. Used by one thread.
 */
final class MatchCollector {

    private final Map<String, MergedClient> clients = new HashMap<>();
    private final Map<Matches.SharedKey, List<Subscription>> shared = new HashMap<>();

    void add(Subscription subscription) {
        if (subscription.isShared()) {
            shared.computeIfAbsent(new Matches.SharedKey(subscription.shareGroup(), subscription.topicFilter()),
                    key -> new ArrayList<>(2)).add(subscription);
        } else {
            MergedClient merged = clients.get(subscription.clientId());
            if (merged == null) {
                clients.put(subscription.clientId(), new MergedClient(subscription));
            } else {
                merged.merge(subscription);
            }
        }
    }

    Matches toMatches() {
        if (clients.isEmpty() && shared.isEmpty()) {
            return Matches.NONE;
        }
        Map<String, Matches.ClientMatch> merged = new HashMap<>((int) (clients.size() / 0.75f) + 1);
        clients.forEach((clientId, client) -> merged.put(clientId, client.toClientMatch()));
        return new Matches(Collections.unmodifiableMap(merged), Collections.unmodifiableMap(shared));
    }

    /** A client's matching subscriptions so far, merged. */
    private static final class MergedClient {
        private int qos;
        private boolean noLocal;
        private boolean retainAsPublished;
        private int[] identifiers = new int[2];
        private int identifierCount;

        MergedClient(Subscription first) {
            qos = first.qos();
            noLocal = first.noLocal();
            retainAsPublished = first.retainAsPublished();
            addIdentifier(first.subscriptionIdentifier());
        }

        void merge(Subscription next) {
            qos = Math.max(qos, next.qos());
            noLocal &= next.noLocal();
            retainAsPublished |= next.retainAsPublished();
            addIdentifier(next.subscriptionIdentifier());
        }

        private void addIdentifier(int identifier) {
            if (identifier == 0) {
                return;
            }
            if (identifierCount == identifiers.length) {
                identifiers = Arrays.copyOf(identifiers, identifierCount * 2);
            }
            identifiers[identifierCount++] = identifier;
        }

        /** Identifiers ascending without repeats, so that the PUBLISH a client gets does not depend on tree order. */
        Matches.ClientMatch toClientMatch() {
            if (identifierCount == 0) {
                return new Matches.ClientMatch(qos, List.of(), noLocal, retainAsPublished);
            }
            int[] sorted = Arrays.copyOf(identifiers, identifierCount);
            Arrays.sort(sorted);
            List<Integer> distinct = new ArrayList<>(sorted.length);
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct.add(sorted[i]);
                }
            }
            return new Matches.ClientMatch(qos, Collections.unmodifiableList(distinct), noLocal, retainAsPublished);
        }
    }
}
