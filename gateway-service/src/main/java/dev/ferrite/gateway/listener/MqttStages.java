package dev.ferrite.gateway.listener;

import java.util.concurrent.TimeUnit;

import dev.ferrite.gateway.session.ConnectHandler;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.ReadTimeoutHandler;

/**
 * The MQTT stages every listener ends with, whatever carries the bytes (see {@link PipelineNames}).
 * Public so that tests can put the real stages on a channel of their own.
 */
public final class MqttStages {

    private MqttStages() {
    }

    public static void addTo(ChannelPipeline pipeline, GatewayProperties properties, SessionServices services) {
        // Deliveries arrive as tasks from other event loops, each ending in a flush: many flushes become one syscall.
        pipeline.addFirst(PipelineNames.FLUSH_CONSOLIDATION, new FlushConsolidationHandler(64, true));
        pipeline.addLast(PipelineNames.BYTE_COUNTER, services.traffic().byteCounter())
                .addLast(PipelineNames.DECODER, new MqttDecoder((int) properties.maxPacketSize().toBytes()))
                .addLast(PipelineNames.ENCODER, MqttEncoder.INSTANCE)
                .addLast(PipelineNames.PACKET_COUNTER, services.traffic().packetCounter())
                .addLast(PipelineNames.CONNECT_TIMEOUT,
                        new ReadTimeoutHandler(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast(PipelineNames.CONNECT, new ConnectHandler(services));
    }
}
