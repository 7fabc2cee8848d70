package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mangled versions of valid requests (cut short, bytes flipped, values swapped for other JSON
 * types) never get a 500: every answer is a success or a 4xx with the error body. Seeded, so a
 * failure can be replayed; {@code -Dcanopy.fuzz.seed=N} explores other cases.
 */
class ApiFuzzIT extends TestServer {

    private static final long SEED = Long.getLong("canopy.fuzz.seed", 20261121L);
    private static final int CASES = 600;
    private static final Set<Integer> ACCEPTABLE = Set.of(200, 400, 404, 409, 413, 415);
    private static final List<String> PATHS = List.of(
            "/api/config/domain-config/create", "/api/config/domain-config/update", "/api/config/domain-config/set",
            "/api/config/domain-config/get", "/api/config/domain-config/list", "/api/config/domain-config/stat",
            "/api/config/user-config/list", "/api/config/user-config/delete");
    private static final List<String> VALID_BODIES = List.of(
            "{\"name\": \"fuzz\", \"data\": {\"a\": [1, {\"b\": null}], \"c\": \"d\"}, \"tags\": {\"e\": \"f\"}}",
            "{\"name\": \"fuzz\"}",
            "{\"query\": {\"filter\": [{\"k\": \"data.a\", \"v\": 1, \"o\": \"eq\"}], \"sort\": [{\"key\": \"name\", \"desc\": true}],"
                    + " \"page\": {\"start\": 1, \"limit\": 5}, \"only\": [\"name\"], \"keyword\": \"fu\"}}",
            "{\"query\": {\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"data.c\", \"name\": \"c\"}],"
                    + " \"fields\": [{\"name\": \"n\", \"operator\": \"count\"}]}}, {\"sort\": {\"key\": \"n\"}}, {\"limit\": 3}]}}");
    private static final List<String> REPLACEMENTS = List.of(
            "null", "true", "-1", "0", "1e309", "99999999999999999999", "\"\"", "\"x\"", "[]", "[1, \"a\"]", "{}",
            "{\"k\": {}}", "\"\\u0000\"", "\"a;DROP TABLE domain_config\"", "\"" + "z".repeat(300) + "\"");

    @LocalServerPort
    int port;

    @Test
    void mangledRequestsGetAnErrorBodyNeverA500() {
        ApiClient api = ApiClient.admin(port);
        Random random = new Random(SEED);
        for (int index = 0; index < CASES; index++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            String body = mangle(VALID_BODIES.get(random.nextInt(VALID_BODIES.size())), random);

            Response response = api.post(path, body);

            String replay = "case " + index + " (seed " + SEED + "): POST " + path + " " + body;
            assertThat(response.status()).as(replay).isIn(ACCEPTABLE);
            if (response.status() != 200) {
                assertThat(response.errorCode()).as(replay).startsWith("ERROR_");
                assertThat(response.raw()).as(replay).doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    private static String mangle(String body, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> {
                char[] characters = body.toCharArray();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    characters[random.nextInt(characters.length)] = (char) (32 + random.nextInt(95));
                }
                yield new String(characters);
            }
            case 2 -> replaceAValue(body, random);
            default -> replaceAValue(replaceAValue(body, random), random);
        };
    }

    /** Swaps the value after one of the body's colons for another JSON value. */
    private static String replaceAValue(String body, Random random) {
        int colon = body.indexOf(':', random.nextInt(body.length()));
        if (colon < 0) {
            return body;
        }
        int end = colon + 1;
        int depth = 0;
        while (end < body.length()) {
            char character = body.charAt(end);
            if (character == '{' || character == '[') {
                depth++;
            } else if (character == '}' || character == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (character == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return body.substring(0, colon + 1) + " " + REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())) + body.substring(end);
    }
}
