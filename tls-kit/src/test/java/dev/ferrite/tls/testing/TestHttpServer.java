package dev.ferrite.tls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP (or HTTPS) server on an ephemeral loopback port whose answers the test sets per
 * path: a body with an ETag (answering 304 to a matching If-None-Match), an error status, or
 * silence until the server closes.
 */
public final class TestHttpServer implements AutoCloseable {

    /** How one path answers. */
    public interface Answer {
        void answer(HttpExchange exchange, byte[] requestBody) throws IOException;
    }

    /** One request as the server saw it. */
    public record Request(String method, String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .findFirst().map(entry -> entry.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-http");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;

    public TestHttpServer() {
        this(null);
    }

    /** @param tls for HTTPS; null for HTTP */
    public TestHttpServer(SSLContext tls) {
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(address, 0);
                scheme = "http";
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
                scheme = "https";
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** Serves {@code body} with an ETag of its hash; a request carrying that ETag gets 304. */
    public void serve(String path, byte[] body, String contentType) {
        String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
        answer(path, (exchange, request) -> {
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    public void fail(String path, int status) {
        answer(path, (exchange, request) -> exchange.sendResponseHeaders(status, -1));
    }

    /** Accepts the request and says nothing until the server closes: a responder that hangs. */
    public void hang(String path) {
        answer(path, (exchange, request) -> {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(503, -1);
        });
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public long requestsTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = answers.get(path);
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                answer.answer(exchange, body);
            }
            OutputStream out = exchange.getResponseBody();
            out.flush();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
