package dev.ferrite.gateway.retained;

import io.netty.handler.codec.mqtt.MqttProperties;

/** The last retained message of a topic, copied out of the network buffer that carried it. */
public record RetainedMessage(String topic, byte[] payload, int qos, MqttProperties properties) {
}
