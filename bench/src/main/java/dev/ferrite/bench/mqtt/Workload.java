package dev.ferrite.bench.mqtt;

import java.util.Map;

/**
 * Who publishes to whom. {@code clients} is the workload's one size: publishers for fan-in,
 * subscribers for fan-out, pairs for point-to-point. Publishers and subscribers are numbered
 * from 0; subscriber {@code s} receives from publishers {@code firstSource(s)} to
 * {@code firstSource(s) + sourceCount() - 1}.
 */
enum Workload {

    /** N publishers on their own topics, one subscriber on a wildcard over all of them. */
    FAN_IN("fan-in") {
        @Override
        int publishers(int clients) {
            return clients;
        }

        @Override
        int subscribers(int clients) {
            return 1;
        }

        @Override
        String topic(String prefix, int publisher) {
            return prefix + "/in/" + publisher;
        }

        @Override
        String filter(String prefix, int subscriber) {
            return prefix + "/in/+";
        }

        @Override
        int firstSource(int subscriber) {
            return 0;
        }

        @Override
        int sourceCount(int clients) {
            return clients;
        }

        @Override
        int receiversPerMessage(int clients) {
            return 1;
        }
    },

    /** One publisher, N subscribers on its topic: every message is delivered N times. */
    FAN_OUT("fan-out") {
        @Override
        int publishers(int clients) {
            return 1;
        }

        @Override
        int subscribers(int clients) {
            return clients;
        }

        @Override
        String topic(String prefix, int publisher) {
            return prefix + "/out";
        }

        @Override
        String filter(String prefix, int subscriber) {
            return prefix + "/out";
        }

        @Override
        int firstSource(int subscriber) {
            return 0;
        }

        @Override
        int sourceCount(int clients) {
            return 1;
        }

        @Override
        int receiversPerMessage(int clients) {
            return clients;
        }
    },

    /** N pairs: publisher i to subscriber i, each pair on its own topic. */
    POINT_TO_POINT("p2p") {
        @Override
        int publishers(int clients) {
            return clients;
        }

        @Override
        int subscribers(int clients) {
            return clients;
        }

        @Override
        String topic(String prefix, int publisher) {
            return prefix + "/p2p/" + publisher;
        }

        @Override
        String filter(String prefix, int subscriber) {
            return prefix + "/p2p/" + subscriber;
        }

        @Override
        int firstSource(int subscriber) {
            return subscriber;
        }

        @Override
        int sourceCount(int clients) {
            return 1;
        }

        @Override
        int receiversPerMessage(int clients) {
            return 1;
        }
    };

    static final Map<String, Workload> BY_NAME = Map.of("fan-in", FAN_IN, "fan-out", FAN_OUT, "p2p", POINT_TO_POINT);

    private final String label;

    Workload(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract int publishers(int clients);

    abstract int subscribers(int clients);

    abstract String topic(String prefix, int publisher);

    abstract String filter(String prefix, int subscriber);

    abstract int firstSource(int subscriber);

    /** How many publishers each subscriber receives from. */
    abstract int sourceCount(int clients);

    /** How many subscribers receive each message. */
    abstract int receiversPerMessage(int clients);
}
