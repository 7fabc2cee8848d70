package dev.canopy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * Creates a config and reads it back through the server's REST API
 * ({@code POST /api/config/domain-config/create}, then {@code .../get}), over one keep-alive
 * HTTP/1.1 connection. Uses Apache HttpClient's classic, blocking client: like the JDBC driver on
 * the other side of the comparison, it does the I/O on the calling thread, so the harness adds
 * no thread hand-offs of its own to the server's cost. One connection, meant for one thread.
 */
public final class RestConfigClient implements RoundTripRun.Client {

    private final CloseableHttpClient http = singleConnectionClient();
    private final String createUri;
    private final String getUri;
    private final ConfigDocument documents;
    private final String authorization;

    /** A client of the server listening on {@code 127.0.0.1:port}, signed in as its admin. */
    public RestConfigClient(int port, ConfigDocument documents) throws IOException {
        String base = "http://127.0.0.1:" + port + "/api/config/domain-config/";
        this.createUri = base + "create";
        this.getUri = base + "get";
        this.documents = documents;
        String issued = post("http://127.0.0.1:" + port + "/api/identity/token/issue",
                "{\"credentials\": {\"user_id\": \"admin\", \"password\": \"" + ServerProcess.ADMIN_PASSWORD + "\"}}", null);
        this.authorization = "Bearer " + tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(issued).get("access_token").asString();
    }

    /** One round trip: create the config named {@code name}, get it, check the name came back. */
    @Override
    public void createAndGet(String name) throws IOException {
        post(createUri, documents.create(name), authorization);
        String config = post(getUri, documents.get(name), authorization);
        documents.requireName(config, name, "POST " + getUri + " response");
    }

    private String post(String uri, String jsonBody, String authorization) throws IOException {
        HttpPost request = new HttpPost(uri);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        request.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));
        return http.execute(request, response -> {
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new BenchmarkFailure("POST " + uri + " answered " + response.getCode() + " (expected 200): " + body);
            }
            return body;
        });
    }

    /** A blocking client over one keep-alive connection that never retries behind the caller's back. */
    static CloseableHttpClient singleConnectionClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(1).build())
                .disableAutomaticRetries()
                .build();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
