package dev.ferrite.rules.action.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.ferrite.rules.JsonValues;
import dev.ferrite.rules.action.ActionFactory;
import dev.ferrite.rules.action.ActionSpec;
import dev.ferrite.rules.action.InvalidActionException;
import dev.ferrite.rules.action.RuleAction;
import dev.ferrite.rules.bus.BusPublisher;
import dev.ferrite.rules.bus.OutboundMessage;

import org.springframework.stereotype.Component;

/**
 * {@code "pubsub:{bridge}"}: hands each output row, as JSON, to bridge-pubsub-service through
 * {@code $internal/bridge/pubsub/{bridge}} at QoS 1. The bridge acknowledges only once Pub/Sub
 * has the message or its durable buffer does, so the action succeeds at that point.
 */
@Component
public class PubSubBridgeActionFactory implements ActionFactory {

    static final String TOPIC_PREFIX = "$internal/bridge/pubsub/";

    private final BusPublisher bus;

    public PubSubBridgeActionFactory(BusPublisher bus) {
        this.bus = bus;
    }

    @Override
    public String type() {
        return "pubsub";
    }

    @Override
    public RuleAction create(String ruleId, ActionSpec spec) {
        if (!(spec instanceof ActionSpec.Bridge bridge)) {
            throw new InvalidActionException("a Pub/Sub bridge action is the string \"pubsub:{bridge}\"");
        }
        if (!bridge.name().matches("[A-Za-z0-9_.-]{1,255}")) {
            throw new InvalidActionException("a bridge name holds 1 to 255 letters, digits, '_', '.' or '-', was \""
                    + bridge.name() + "\"");
        }
        String topic = TOPIC_PREFIX + bridge.name();
        return row -> bus.publish(new OutboundMessage(topic, JsonValues.write(row).getBytes(StandardCharsets.UTF_8), 1,
                false, List.of()));
    }
}
