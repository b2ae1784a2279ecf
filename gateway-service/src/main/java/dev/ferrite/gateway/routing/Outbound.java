package dev.ferrite.gateway.routing;

import io.netty.handler.codec.mqtt.MqttPublishMessage;

/** Hands a routed message to a client's session, on that session's own thread. */
public interface Outbound {

    /**
     * @param message the message as published; the callee retains what it keeps
     * @param qos the QoS granted for this delivery (at most the published one)
     * @param retain the RETAIN flag of the delivery (set only for Retain As Published subscriptions)
     * @return whether the client is connected here
     */
    boolean deliver(String clientId, MqttPublishMessage message, int qos, boolean retain);
}
