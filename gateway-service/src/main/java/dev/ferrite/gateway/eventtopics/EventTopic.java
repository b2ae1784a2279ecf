package dev.ferrite.gateway.eventtopics;

/** The {@code $events/...} topics, with the {@code event} name their messages carry (EMQX's). */
public enum EventTopic {
    CLIENT_CONNECTED("client_connected", "client.connected"),
    CLIENT_DISCONNECTED("client_disconnected", "client.disconnected"),
    SESSION_SUBSCRIBED("session_subscribed", "session.subscribed"),
    SESSION_UNSUBSCRIBED("session_unsubscribed", "session.unsubscribed"),
    MESSAGE_DELIVERED("message_delivered", "message.delivered"),
    MESSAGE_ACKED("message_acked", "message.acked"),
    MESSAGE_DROPPED("message_dropped", "message.dropped"),
    DELIVERY_DROPPED("delivery_dropped", "delivery.dropped");

    private final String topic;
    private final String eventName;

    EventTopic(String name, String eventName) {
        this.topic = "$events/" + name;
        this.eventName = eventName;
    }

    public String topic() {
        return topic;
    }

    public String eventName() {
        return eventName;
    }
}
