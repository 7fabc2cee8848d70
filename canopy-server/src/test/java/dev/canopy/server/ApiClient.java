package dev.canopy.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client of the API for tests. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** A client that sends no credentials. */
    public ApiClient(int port) {
        this(port, null);
    }

    private ApiClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** A client signed in as {@code userId} (of the root domain unless {@code domainId} is given). */
    public static ApiClient signedIn(int port, String domainId, String userId, String password) {
        ApiClient anonymous = new ApiClient(port);
        String domain = domainId == null ? "" : ", \"domain_id\": \"" + domainId + "\"";
        Response issued = anonymous.post("/api/identity/token/issue", "{\"credentials\": {\"user_id\": \"" + userId
                + "\", \"password\": \"" + password + "\"}" + domain + "}");
        if (issued.status() != 200) {
            throw new IllegalStateException("sign-in of " + userId + " failed: " + issued.raw());
        }
        return new ApiClient(port, "Bearer " + issued.body().get("access_token").asString());
    }

    /** The {@code Authorization} header this client sends, or null. */
    public String authorization() {
        return authorization;
    }

    /** A client signed in as the test server's admin. */
    public static ApiClient admin(int port) {
        return signedIn(port, null, "admin", TestServer.ADMIN_PASSWORD);
    }

    /** A response: status, the request id header, and the body parsed as JSON (null when empty). */
    public record Response(int status, String requestId, String contentType, JsonNode body, String raw) {

        public String errorCode() {
            return body.path("error").path("code").asString();
        }

        public String errorKey() {
            return body.path("error").path("details").path("key").asString();
        }
    }

    public Response post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw.isBlank() || !raw.strip().startsWith("{") ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(null), body, raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to {@code path}, carrying this client's credentials. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
