package dev.ferrite.gateway.listener;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.embedded.EmbeddedChannel;

/**
 * An embedded channel that looks like a TCP connection on the loopback listener, where the
 * gateway lets anonymous clients in: so fuzzed bytes get past the CONNECT barrier. Like a real
 * socket it keeps its addresses once closed (the decoder may still hand on packets then).
 */
class LoopbackEmbeddedChannel extends EmbeddedChannel {

    private static final InetSocketAddress LISTENER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 2);

    @Override
    protected SocketAddress localAddress0() {
        return LISTENER;
    }

    @Override
    protected SocketAddress remoteAddress0() {
        return CLIENT;
    }
}
