package dev.ferrite.bench.mqtt;

/**
 * How fast publishers send. Closed loop (the default): as fast as the broker allows, each
 * publisher keeping at most {@code window} messages in flight end to end. Fixed rate:
 * {@code ratePerSecond} in total, spread evenly over the publishers, whatever the broker does;
 * a message the broker held back (see {@link BenchPublisher#sendDue}) is timed from when it was
 * due, so that a broker that falls behind is not flattered by the sends it delayed.
 *
 * @param window messages a publisher may have in flight: sent but not yet received by every
 *        subscriber or, at QoS 1 and 2, not yet acknowledged to the publisher
 * @param ratePerSecond 0 for closed loop
 */
record OfferedLoad(int window, long ratePerSecond) {

    boolean isFixedRate() {
        return ratePerSecond > 0;
    }

    String describe(int publishers) {
        if (isFixedRate()) {
            return String.format("fixed rate, %,d msgs/s in total (%,.1f per publisher); sends held back by the broker timed from when they were due",
                    ratePerSecond, (double) ratePerSecond / publishers);
        }
        return "max rate, closed loop: at most " + window + " messages in flight end to end per publisher";
    }
}
