package dev.ferrite.gateway.auth;

/** What an authenticated client may do; decided locally on every PUBLISH and SUBSCRIBE, with no round trip. */
public interface ClientPermissions {

    boolean mayPublish(String topic, int qos, boolean retain);

    /** @param topicFilter the filter without any {@code $share/group/} prefix */
    boolean maySubscribe(String topicFilter, int qos);

    /** Everything except the platform's reserved topics. */
    ClientPermissions DEVICE_DEFAULT = new ClientPermissions() {
        @Override
        public boolean mayPublish(String topic, int qos, boolean retain) {
            return !ReservedTopics.isReserved(topic);
        }

        @Override
        public boolean maySubscribe(String topicFilter, int qos) {
            return !ReservedTopics.isReserved(topicFilter);
        }
    };

    /** The platform's own services: everything. */
    ClientPermissions INTERNAL = new ClientPermissions() {
        @Override
        public boolean mayPublish(String topic, int qos, boolean retain) {
            return true;
        }

        @Override
        public boolean maySubscribe(String topicFilter, int qos) {
            return true;
        }
    };
}
