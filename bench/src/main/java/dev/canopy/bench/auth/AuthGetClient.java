package dev.canopy.bench.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.canopy.bench.BenchmarkFailure;
import dev.canopy.bench.RoundTripRun;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * One {@code get} per round trip, with or without a bearer token, over one keep-alive HTTP/1.1
 * connection (Apache HttpClient, blocking, as in the platform benchmark); every answer must be 200
 * and name the resource asked for. One connection, meant for one thread.
 */
final class AuthGetClient implements RoundTripRun.Client {

    /** What is read: the verb's path, its body, and a text the answer must contain. */
    record Target(String path, String body, String expected) {
    }

    private final CloseableHttpClient http = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1).build())
            .disableAutomaticRetries()
            .build();
    private final String uri;
    private final Target target;
    private final String authorization;

    /** A client of the server on {@code 127.0.0.1:port}; {@code accessToken} null sends no credentials. */
    AuthGetClient(int port, Target target, String accessToken) {
        this.uri = "http://127.0.0.1:" + port + target.path();
        this.target = target;
        this.authorization = accessToken == null ? null : "Bearer " + accessToken;
    }

    @Override
    public void createAndGet(String ignored) throws IOException {
        HttpPost request = new HttpPost(uri);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        request.setEntity(new StringEntity(target.body(), ContentType.APPLICATION_JSON));
        http.execute(request, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200 || !body.contains(target.expected())) {
                throw new BenchmarkFailure("POST " + uri + " answered " + response.getCode() + ": " + body);
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
