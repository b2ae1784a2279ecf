package dev.ferrite.bench.mqtt;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Loopback source addresses 127.0.0.1, 127.0.0.2, ... handed out in turn. Linux gives each
 * source address its own ephemeral port range (about 28,000 ports by default), so 100,000
 * connections to one broker port need at least four.
 */
final class SourceAddresses {

    private final InetSocketAddress[] addresses;
    private int next;

    SourceAddresses(int count) {
        addresses = new InetSocketAddress[count];
        for (int i = 0; i < count; i++) {
            try {
                addresses[i] = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, (byte) ((i + 1) >> 8),
                        (byte) ((i + 1) & 0xFF)}), 0);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // never for a literal address
            }
        }
    }

    synchronized InetSocketAddress next() {
        InetSocketAddress address = addresses[next];
        next = (next + 1) % addresses.length;
        return address;
    }

    int count() {
        return addresses.length;
    }
}
