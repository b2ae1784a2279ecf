package dev.ferrite.gateway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the gateway's REST port, as one API key or none. */
public final class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String authorization;

    private GatewayHttp(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    public static GatewayHttp asAdministrator(int port) {
        return as(port, TestApiKeys.ADMIN_KEY);
    }

    public static GatewayHttp asViewer(int port) {
        return as(port, TestApiKeys.VIEWER_KEY);
    }

    public static GatewayHttp asPublisher(int port) {
        return as(port, TestApiKeys.PUBLISHER_KEY);
    }

    public static GatewayHttp anonymous(int port) {
        return new GatewayHttp(port, null);
    }

    private static GatewayHttp as(int port, String apiKey) {
        return new GatewayHttp(port, "Basic " + Base64.getEncoder()
                .encodeToString((apiKey + ":" + TestApiKeys.SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static JsonNode json(byte[] payload) {
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
