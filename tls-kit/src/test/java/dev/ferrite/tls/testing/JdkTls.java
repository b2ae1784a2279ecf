package dev.ferrite.tls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Real TLS over loopback with the JDK's engine: a server that echoes bytes, and clients. */
public final class JdkTls {

    private JdkTls() {
    }

    /** A TLS server on an ephemeral loopback port; each connection echoes every byte back. */
    public static final class EchoServer implements AutoCloseable {

        private final SSLServerSocket socket;
        private final List<SSLSocket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        public EchoServer(KeyManager keyManager, TrustManager trustManager, boolean needClientAuth) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(new KeyManager[] { keyManager },
                        trustManager == null ? null : new TrustManager[] { trustManager }, null);
                socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                        InetAddress.getLoopbackAddress());
                socket.setNeedClientAuth(needClientAuth);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            acceptor = new Thread(this::accept, "tls-echo-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    SSLSocket connection = (SSLSocket) socket.accept();
                    accepted.add(connection);
                    Thread echo = new Thread(() -> echo(connection), "tls-echo");
                    echo.setDaemon(true);
                    echo.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void echo(SSLSocket connection) {
            try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    out.write(b);
                    out.flush();
                }
            } catch (IOException e) {
                // The client went away or the handshake failed: the client side tells the test.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (SSLSocket connection : accepted) {
                connection.close();
            }
        }
    }

    /** An SSL context for a client that trusts {@code trusted} and presents {@code clientKey} if given. */
    public static SSLContext clientContext(List<X509Certificate> trusted, TestPki.Issued clientKey,
            X509Certificate... clientChainRest) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                trust.setCertificateEntry("ca" + i, trusted.get(i));
            }
            TrustManagerFactory trustFactory = TrustManagerFactory.getInstance("PKIX");
            trustFactory.init(trust);
            KeyManager[] keyManagers = null;
            if (clientKey != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                X509Certificate[] chain = new X509Certificate[1 + clientChainRest.length];
                chain[0] = clientKey.certificate();
                System.arraycopy(clientChainRest, 0, chain, 1, clientChainRest.length);
                keys.setKeyEntry("client", clientKey.keys().getPrivate(), new char[0], chain);
                KeyManagerFactory keyFactory = KeyManagerFactory.getInstance("PKIX");
                keyFactory.init(keys, new char[0]);
                keyManagers = keyFactory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustFactory.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects, hands the server name if given, completes the handshake. */
    public static SSLSocket connect(SSLContext context, int port, String serverName) {
        try {
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
            SSLParameters parameters = socket.getSSLParameters();
            if (serverName != null) {
                parameters.setServerNames(List.of(new SNIHostName(serverName)));
            }
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate the server presented. */
    public static X509Certificate serverCertificate(SSLSocket socket) {
        try {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one byte and reads it back: proves the connection still works. */
    public static boolean echoes(SSLSocket socket, int value) {
        try {
            socket.getOutputStream().write(value);
            socket.getOutputStream().flush();
            return socket.getInputStream().read() == value;
        } catch (SocketException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
