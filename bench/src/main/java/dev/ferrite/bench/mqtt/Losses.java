package dev.ferrite.bench.mqtt;

/**
 * Every message accounted for at the end of a run, over all publisher-to-subscriber streams.
 *
 * @param expected deliveries the publishers' messages called for (messages sent times their receivers)
 * @param received distinct deliveries that arrived
 * @param lost deliveries that never arrived
 * @param duplicated deliveries that arrived more than once (counted once per extra copy)
 * @param outOfOrder deliveries that arrived after a later message of the same publisher
 * @param strays messages a subscriber should not have received (not a probe, or from a publisher it does not follow)
 * @param unacknowledged QoS 1/2 publishes the broker never acknowledged to their publisher
 * @param unknownAcks acknowledgements for packet identifiers the publisher was not waiting for
 */
record Losses(long sent, long expected, long received, long lost, long duplicated, long outOfOrder, long strays,
        long unacknowledged, long unknownAcks) {

    static Losses count(BenchPublisher[] publishers, BenchSubscriber[] subscribers) {
        long sent = 0;
        long expected = 0;
        long unacknowledged = 0;
        long unknownAcks = 0;
        for (BenchPublisher publisher : publishers) {
            sent += publisher.sent();
            expected += publisher.sent() * publisher.receivers();
            unacknowledged += publisher.unacknowledged();
            unknownAcks += publisher.unknownAcks();
        }
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long strays = 0;
        for (BenchSubscriber subscriber : subscribers) {
            for (int i = 0; i < subscriber.streamCount(); i++) {
                StreamTracker stream = subscriber.stream(i);
                lost += stream.lost(publishers[subscriber.firstSource() + i].sent());
                duplicated += stream.duplicates();
                outOfOrder += stream.outOfOrder();
            }
            strays += subscriber.strays();
        }
        return new Losses(sent, expected, expected - lost, lost, duplicated, outOfOrder, strays, unacknowledged,
                unknownAcks);
    }

    /** Whether anything went wrong that QoS {@code qos} promises cannot. */
    boolean brokenPromise(int qos) {
        return qos >= 1 && (lost > 0 || unacknowledged > 0) || qos == 2 && duplicated > 0;
    }
}
