package dev.ferrite.gateway.listener;

import java.util.List;

import dev.ferrite.gateway.session.ConnectHandler;
import dev.ferrite.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * MQTT over WebSocket (MQTT 5 section 6): an HTTP upgrade on the configured path with the
 * {@code mqtt} subprotocol, then binary frames carrying the MQTT byte stream.
 */
class WebSocketChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String SUBPROTOCOLS = "mqtt,mqttv3.1,mqttv3.1.1";
    private static final int MAX_HANDSHAKE_BYTES = 64 * 1024;

    private final GatewayProperties properties;
    private final SessionServices services;

    WebSocketChannelInitializer(GatewayProperties properties, SessionServices services) {
        this.properties = properties;
        this.services = services;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        int maxFrame = (int) Math.min(Integer.MAX_VALUE, properties.maxPacketSize().toBytes() + 5);
        channel.pipeline()
                .addLast("http-codec", new HttpServerCodec())
                .addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_BYTES))
                .addLast("websocket", new WebSocketServerProtocolHandler(properties.ws().path(), SUBPROTOCOLS, true, maxFrame))
                .addLast("websocket-frames-in", new FramesToBytes())
                .addLast("websocket-frames-out", new BytesToFrames());
        channel.attr(ConnectHandler.LISTENER).set("ws");
        MqttStages.addTo(channel.pipeline(), properties, services);
    }

    /** Binary (and continuation) frames in, their bytes on to the MQTT decoder; the protocol handler answers the rest. */
    private static final class FramesToBytes extends MessageToMessageDecoder<WebSocketFrame> {

        @Override
        protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
            if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
                out.add(frame.content().retain());
            } else {
                // MQTT 6.0: data in any other frame type is a protocol error.
                ctx.close();
            }
        }
    }

    /** The MQTT encoder's bytes out as binary frames. */
    private static final class BytesToFrames extends MessageToMessageEncoder<ByteBuf> {

        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf bytes, List<Object> out) {
            out.add(new BinaryWebSocketFrame(bytes.retain()));
        }
    }
}
