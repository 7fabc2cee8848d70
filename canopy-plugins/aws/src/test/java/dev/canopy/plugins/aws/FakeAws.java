package dev.canopy.plugins.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS on 127.0.0.1: answers the calls the collector makes with the example responses of the AWS API
 * reference (files under {@code aws/}). The service comes from the SigV4 credential scope, the action from
 * the {@code Action} form parameter (Query protocol) or the path (S3, Lambda). Calls signed with the access
 * key {@link #BAD_ACCESS_KEY} fail as AWS fails unknown keys. Tests can make a call fail once or always.
 */
final class FakeAws implements AutoCloseable {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String BAD_ACCESS_KEY = "AKIAI44QH8DHBEXAMPLE";
    static final String ASSUMED_ACCESS_KEY = "ASIAIOSFODNN7EXAMPLE";

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[0-9]+/([^/]+)/([^/]+)/aws4_request");

    /** One recorded call. */
    record Call(String service, String action, String accessKey, String region, Map<String, String> parameters) {
    }

    record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> once = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    FakeAws() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String service, String action) {
        return calls.stream().filter(call -> call.service().equals(service) && call.action().equals(action)).toList();
    }

    /** The next call of {@code service:action} gets this answer, then the usual one again. */
    void failOnce(String service, String action, int status, String fixture) {
        once.computeIfAbsent(service + ":" + action, key -> new ArrayDeque<>())
                .add(new Answer(status, "text/xml", fixture(fixture)));
    }

    /** Every call of {@code service:action} gets this answer. */
    void failAlways(String service, String action, int status, String fixture) {
        always.put(service + ":" + action, new Answer(status, "text/xml", fixture(fixture)));
    }

    static String fixture(String name) {
        try (InputStream in = FakeAws.class.getResourceAsStream("/aws/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>(form(exchange.getRequestURI().getRawQuery()));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
                parameters.putAll(form(body));
            }
            Matcher credential = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (!credential.find()) {
                respond(exchange, new Answer(403, "text/xml", "<Error><Code>MissingAuthenticationToken</Code></Error>"));
                return;
            }
            String accessKey = credential.group(1);
            String region = credential.group(2);
            String service = credential.group(3);
            String action = action(service, exchange.getRequestURI().getPath(), parameters);
            calls.add(new Call(service, action, accessKey, region, Map.copyOf(parameters)));
            respond(exchange, answer(service, action, accessKey, parameters));
        }
    }

    private Answer answer(String service, String action, String accessKey, Map<String, String> parameters) {
        if (BAD_ACCESS_KEY.equals(accessKey)) {
            return "ec2".equals(service) ? new Answer(401, "text/xml", fixture("ec2-auth-failure.xml"))
                    : new Answer(403, "text/xml", fixture("sts-invalid-client-token-id.xml"));
        }
        String key = service + ":" + action;
        Deque<Answer> queued = once.get(key);
        if (queued != null) {
            Answer next = queued.poll();
            if (next != null) {
                return next;
            }
        }
        Answer failure = always.get(key);
        if (failure != null) {
            return failure;
        }
        return switch (key) {
            case "sts:GetCallerIdentity" -> xml("sts-get-caller-identity.xml");
            case "sts:AssumeRole" -> xml("sts-assume-role.xml");
            case "ec2:DescribeRegions" -> xml("ec2-describe-regions.xml");
            case "ec2:DescribeInstances" -> xml("ec2-describe-instances.xml");
            case "ec2:DescribeVolumes" -> xml("ec2-describe-volumes.xml");
            case "ec2:DescribeVpcs" -> xml(parameters.containsKey("NextToken") ? "ec2-describe-vpcs-page2.xml" : "ec2-describe-vpcs-page1.xml");
            case "ec2:DescribeSubnets" -> xml("ec2-describe-subnets.xml");
            case "ec2:DescribeSecurityGroups" -> xml("ec2-describe-security-groups.xml");
            case "rds:DescribeDBInstances" -> xml("rds-describe-db-instances.xml");
            case "iam:ListUsers" -> xml("iam-list-users.xml");
            case "s3:ListBuckets" -> xml("s3-list-buckets.xml");
            case "s3:GetBucketLocation" -> xml("s3-get-bucket-location.xml");
            case "lambda:ListFunctions" -> new Answer(200, "application/json",
                    fixture(parameters.containsKey("Marker") ? "lambda-list-functions-page2.json" : "lambda-list-functions.json"));
            default -> new Answer(400, "text/xml", "<Response><Errors><Error><Code>InvalidAction</Code><Message>"
                    + key + " is not answered here</Message></Error></Errors></Response>");
        };
    }

    private static Answer xml(String fixture) {
        return new Answer(200, "text/xml", fixture(fixture));
    }

    private static String action(String service, String path, Map<String, String> parameters) {
        return switch (service) {
            case "s3" -> "/".equals(path) ? "ListBuckets" : parameters.containsKey("location") ? "GetBucketLocation" : "S3" + path;
            case "lambda" -> path.startsWith("/2015-03-31/functions") ? "ListFunctions" : "Lambda" + path;
            default -> parameters.getOrDefault("Action", "");
        };
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "c6104cbe-af31-11e0-8154-cbc7ccf896c7");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
