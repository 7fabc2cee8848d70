package dev.canopy.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import dev.canopy.server.ApiClient;
import dev.canopy.server.ApiClient.Response;
import dev.canopy.server.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input of every kind answers with the documented status and error body, never a 500 or a trace. */
class ApiErrorsIT extends TestServer {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.admin(port);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource(delimiter = '|', value = {
            // path                                  | body                                   | status | code                     | key
            "/api/nothing/domain-config/get          | {}                                     | 404 | ERROR_NOT_FOUND          | api",
            "/api/config/nothing/get                 | {}                                     | 404 | ERROR_NOT_FOUND          | api",
            "/api/config/domain-config/frobnicate    | {}                                     | 404 | ERROR_NOT_FOUND          | api",
            "/api/config/domain-config/create        | {\"data\": {}}                         | 400 | ERROR_REQUIRED_PARAMETER | name",
            "/api/config/domain-config/create        | {\"name\": \"a\"}                      | 400 | ERROR_REQUIRED_PARAMETER | data",
            "/api/config/domain-config/create        | {\"name\": \"\", \"data\": {}}         | 400 | ERROR_INVALID_PARAMETER  | name",
            "/api/config/domain-config/create        | {\"name\": 5, \"data\": {}}            | 400 | ERROR_INVALID_PARAMETER  | name",
            "/api/config/domain-config/create        | {\"name\": true, \"data\": {}}         | 400 | ERROR_INVALID_PARAMETER  | name",
            "/api/config/domain-config/create        | {\"name\": \"a\", \"data\": [1, 2]}    | 400 | ERROR_INVALID_PARAMETER  | data",
            "/api/config/domain-config/create        | {\"name\": \"a\", \"data\": \"x\"}     | 400 | ERROR_INVALID_PARAMETER  | data",
            "/api/config/domain-config/create        | {\"name\": \"a\", \"data\": {}, \"tags\": [1]} | 400 | ERROR_INVALID_PARAMETER | tags",
            "/api/config/domain-config/create        | {\"name\": \"a\", \"data\": {}, \"extra\": 1}  | 400 | ERROR_INVALID_PARAMETER | extra",
            "/api/config/domain-config/create        | [1, 2]                                 | 400 | ERROR_INVALID_PARAMETER  | body",
            "/api/config/domain-config/create        | \"text\"                               | 400 | ERROR_INVALID_PARAMETER  | body",
            "/api/config/domain-config/list          | {\"query\": []}                        | 400 | ERROR_INVALID_PARAMETER  | query",
            "/api/config/domain-config/list          | {\"query\": {\"filter\": [{\"k\": \"a;b\", \"v\": 1}]}} | 400 | ERROR_INVALID_PARAMETER | query.filter[0].k",
            "/api/config/domain-config/list          | {\"query\": {\"filter\": [{\"k\": \"a\", \"v\": 1, \"o\": \"nope\"}]}} | 400 | ERROR_INVALID_PARAMETER | query.filter[0].o",
            "/api/config/domain-config/list          | {\"query\": {\"filter\": [{\"k\": \"a\", \"v\": 1, \"o\": \"regex\"}]}} | 400 | ERROR_INVALID_PARAMETER | query.filter[0].v",
            "/api/config/domain-config/list          | {\"query\": {\"page\": {\"limit\": \"10\"}}} | 400 | ERROR_INVALID_PARAMETER | query.page.limit",
            "/api/config/domain-config/stat          | {}                                     | 400 | ERROR_REQUIRED_PARAMETER | query",
            "/api/config/domain-config/create        | {\"name\": \"a\", \"data\": {\"x\": \"\\u0000\"}} | 400 | ERROR_INVALID_PARAMETER | body",
            "/api/config/domain-config/list          | {\"name\": \"\\u0000\"}           | 400 | ERROR_INVALID_PARAMETER  | body",
            "/api/config/domain-config/stat          | {\"query\": {\"aggregate\": [{\"group\": {\"fields\": [{\"name\": \"s\", \"key\": \"a\", \"operator\": \"median\"}]}}]}} | 400 | ERROR_INVALID_PARAMETER | query.aggregate[0].group.fields[0].operator",
    })
    void answersBadInputWithTheErrorBody(String path, String body, int status, String code, String key) {
        Response response = api.post(path, body);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.errorKey()).isEqualTo(key);
        assertThat(response.body().path("error").path("message").asString()).isNotBlank();
        assertThat(response.raw()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.requestId()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"a\", ",
            "{\"name\": \"a\"} trailing",
            "{\"name\": \"a\", \"name\": \"b\", \"data\": {}}",
            "{name: 'a'}",
            "not json at all",
    })
    void answersMalformedJsonWithJsonFormatError(String body) {
        Response response = api.post("/api/config/domain-config/create", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isIn("ERROR_JSON_FORMAT");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReadingTheBody() throws Exception {
        // A raw socket, because the answer comes before the body is sent, which HTTP clients that
        // insist on sending the whole body first do not wait to read.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/config/domain-config/create HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + api.authorization() + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (10L * 1024 * 1024 + 1)
                    + "\r\nConnection: close\r\n\r\n{\"name\": \"big\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntil(socket.getInputStream(), "}}");

            assertThat(answer).startsWith("HTTP/1.1 413").contains("ERROR_PAYLOAD_TOO_LARGE");
        }
        assertThat(api.post("/api/config/domain-config/get", "{\"name\": \"big\"}").status()).isEqualTo(404);
    }

    /** Reads until {@code end} arrives; the server keeps the connection open for the body it did not read. */
    private static String readUntil(java.io.InputStream in, String end) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (!text.toString().contains(end)) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void refusesChunkedBodiesOverTheLimitToo() {
        byte[] big = ("{\"name\": \"chunked\", \"data\": {\"blob\": \"" + "x".repeat(10 * 1024 * 1024 + 10) + "\"}}").getBytes();
        // A publisher of unknown length makes the client send the body chunked, with no Content-Length.
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big));

        Response response = api.send(api.request("/api/config/domain-config/create")
                .header("Content-Type", "application/json").POST(chunked));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("ERROR_PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesBodiesThatAreNotJson() {
        Response response = api.send(api.request("/api/config/domain-config/get")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=a")));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("ERROR_UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersOtherMethodsAndUnknownPathsWithTheErrorBody() {
        Response get = api.send(api.request("/api/config/domain-config/get").GET());
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.errorCode()).isEqualTo("ERROR_METHOD_NOT_ALLOWED");

        Response unknown = api.send(api.request("/no/such/page").GET());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ERROR_NOT_FOUND");
        assertThat(unknown.requestId()).isNotBlank();
    }

    @Test
    void treatsAnEmptyBodyAsAnEmptyObject() {
        Response response = api.post("/api/config/domain-config/get", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("ERROR_REQUIRED_PARAMETER");
        assertThat(response.errorKey()).isEqualTo("name");
    }
}
