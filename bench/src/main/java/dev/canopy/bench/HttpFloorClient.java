package dev.canopy.bench;

import java.io.IOException;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The floor under every REST figure: two requests per round trip, like create+get, but to the
 * server's liveness probe, which touches neither JSON binding nor the database. No API on this HTTP
 * stack can go faster, so its ratio to JDBC is the ceiling of the REST ratio on this machine.
 */
public final class HttpFloorClient implements RoundTripRun.Client {

    private final CloseableHttpClient http = RestConfigClient.singleConnectionClient();
    private final String probeUri;

    public HttpFloorClient(int port) {
        this.probeUri = "http://127.0.0.1:" + port + "/actuator/health/liveness";
    }

    @Override
    public void createAndGet(String name) throws IOException {
        get();
        get();
    }

    private void get() throws IOException {
        http.execute(new HttpGet(probeUri), response -> {
            EntityUtils.consume(response.getEntity());
            if (response.getCode() != 200) {
                throw new BenchmarkFailure("GET " + probeUri + " answered " + response.getCode());
            }
            return null;
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
