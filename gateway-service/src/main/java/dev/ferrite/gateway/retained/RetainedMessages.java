package dev.ferrite.gateway.retained;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.ferrite.gateway.message.Message;
import dev.ferrite.gateway.topic.TopicFilter;

import org.springframework.stereotype.Component;

/**
 * Retained messages, one per topic, in memory. A retained PUBLISH with an empty payload
 * clears its topic (MQTT 3.3.1.3); an expired one is no longer handed out (MQTT 5 3.3.2.3.3).
 */
@Component
public class RetainedMessages {

    private final ConcurrentMap<String, Message> byTopic = new ConcurrentHashMap<>();

    public void store(Message message) {
        if (message.payload().length == 0) {
            byTopic.remove(message.topic());
            return;
        }
        byTopic.put(message.topic(), message);
    }

    /** Every live retained message whose topic the filter matches; a scan, to be replaced by a trie when it matters. */
    public List<Message> matching(TopicFilter filter, long now) {
        return byTopic.values().stream()
                .filter(message -> !message.isExpired(now) && filter.matches(message.topic()))
                .toList();
    }

    public int size() {
        return byTopic.size();
    }
}
