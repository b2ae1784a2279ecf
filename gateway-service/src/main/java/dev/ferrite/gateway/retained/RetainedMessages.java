package dev.ferrite.gateway.retained;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.ferrite.gateway.topic.TopicFilter;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

import org.springframework.stereotype.Component;

/**
 * Retained messages, one per topic, in memory. A retained PUBLISH with an empty payload
 * clears its topic (MQTT 3.3.1.3).
 */
@Component
public class RetainedMessages {

    private final ConcurrentMap<String, RetainedMessage> byTopic = new ConcurrentHashMap<>();

    public void store(MqttPublishMessage message) {
        String topic = message.variableHeader().topicName();
        if (!message.payload().isReadable()) {
            byTopic.remove(topic);
            return;
        }
        byTopic.put(topic, new RetainedMessage(topic, ByteBufUtil.getBytes(message.payload()),
                message.fixedHeader().qosLevel().value(), message.variableHeader().properties()));
    }

    /** Every retained message whose topic the filter matches; a scan, to be replaced by a trie when it matters. */
    public List<RetainedMessage> matching(TopicFilter filter) {
        return byTopic.values().stream().filter(message -> filter.matches(message.topic())).toList();
    }
}
