package dev.ferrite.gateway.session;

import dev.ferrite.gateway.routing.Subscription;

/** Reads a SUBSCRIBE's filter, a shared one ({@code $share/group/filter}) included. */
final class TopicFilters {

    private static final String SHARE_PREFIX = "$share/";

    private TopicFilters() {
    }

    static boolean isValid(String filter) {
        return filter != null && !filter.isEmpty();
    }

    static Subscription subscription(String clientId, String filter, int qos, boolean noLocal,
            boolean retainAsPublished, int retainHandling) {
        String group = null;
        String topicFilter = filter;
        if (filter.startsWith(SHARE_PREFIX)) {
            int slash = filter.indexOf('/', SHARE_PREFIX.length());
            group = filter.substring(SHARE_PREFIX.length(), slash);
            topicFilter = filter.substring(slash + 1);
        }
        return new Subscription(clientId, topicFilter, group, qos, noLocal, retainAsPublished, retainHandling, 0);
    }
}
