package dev.ferrite.tls.reload;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;

import dev.ferrite.tls.pem.CertifiedKey;

/**
 * The server certificates of one listener, chosen by SNI, and replaceable while the listener
 * runs: handshakes that start after {@link #swap} present the new certificates; those under way
 * finish with the ones they chose.
 *
 * <p>An alias names a generation and an index ("g3-0"), so that nothing keyed by alias (Netty
 * caches key material by alias when asked to) ever mixes one generation's chain with another's key.
 */
public final class ReloadableKeyManager extends X509ExtendedKeyManager {

    private record Generation(long number, ServerCertificates certificates) {
    }

    private volatile Generation current;
    private volatile Generation previous;
    private volatile CertificateSelectionListener selectionListener = (engine, key) -> { };

    public ReloadableKeyManager(List<CertifiedKey> keys) {
        current = new Generation(1, new ServerCertificates(requireSome(keys)));
        previous = current;
    }

    /** New handshakes use {@code keys} from now on. */
    public synchronized void swap(List<CertifiedKey> keys) {
        Generation next = new Generation(current.number() + 1, new ServerCertificates(requireSome(keys)));
        previous = current;
        current = next;
    }

    /** The certificates in use now, the default first. */
    public List<CertifiedKey> keys() {
        return current.certificates().all();
    }

    public void onSelection(CertificateSelectionListener listener) {
        this.selectionListener = listener;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String alias = choose(keyType, engine == null ? null : serverName(engine.getHandshakeSession()));
        if (alias != null && engine != null) {
            selectionListener.selected(engine, find(alias));
        }
        return alias;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        return choose(keyType, serverName(session));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation generation = current;
        List<CertifiedKey> all = generation.certificates().all();
        return java.util.stream.IntStream.range(0, all.size())
                .filter(i -> ServerCertificates.suits(all.get(i), keyType))
                .mapToObj(i -> alias(generation, i))
                .toArray(String[]::new);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return chooseClientAlias(keyTypes, issuers, null);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        for (String keyType : keyTypes) {
            String alias = choose(keyType, null);
            if (alias != null) {
                return alias;
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        CertifiedKey key = find(alias);
        return key == null ? null : key.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        CertifiedKey key = find(alias);
        return key == null ? null : key.key();
    }

    private String choose(String keyType, String serverName) {
        Generation generation = current;
        Optional<Integer> index = generation.certificates().choose(serverName, keyType);
        return index.map(i -> alias(generation, i)).orElse(null);
    }

    private CertifiedKey find(String alias) {
        if (alias == null || !alias.startsWith("g") || alias.indexOf('-') < 0) {
            return null;
        }
        try {
            long number = Long.parseLong(alias.substring(1, alias.indexOf('-')));
            int index = Integer.parseInt(alias.substring(alias.indexOf('-') + 1));
            for (Generation generation : new Generation[] { current, previous }) {
                if (generation.number() == number) {
                    return generation.certificates().get(index);
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static String alias(Generation generation, int index) {
        return "g" + generation.number() + "-" + index;
    }

    private static String serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                    return name instanceof SNIHostName host ? host.getAsciiName()
                            : new SNIHostName(name.getEncoded()).getAsciiName();
                }
            }
        }
        return null;
    }

    private static List<CertifiedKey> requireSome(List<CertifiedKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a listener needs at least one certificate");
        }
        return keys;
    }
}
