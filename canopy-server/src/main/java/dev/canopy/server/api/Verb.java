package dev.canopy.server.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One operation of the API, e.g. {@code config.DomainConfig.create}, served at
 * {@code POST /api/config/domain-config/create}.
 *
 * @param service      Cloudforet service name ({@code config}, {@code inventory}, {@code cost_analysis})
 * @param resource     resource name in PascalCase ({@code DomainConfig}, {@code APIKey})
 * @param name         the verb in snake_case ({@code create}, {@code verify_plugin})
 * @param summary      one line for the API reference
 * @param requestType  the record the JSON body binds to
 * @param responseType what the handler returns, for the API reference
 * @param handler      the service method that runs it
 * @param access       who may call it; {@link VerbAccess#PERMISSION} unless said otherwise
 */
public record Verb<Q, R>(String service, String resource, String name, String summary,
                         Class<Q> requestType, Class<R> responseType, VerbHandler<Q, R> handler, VerbAccess access) {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z_]*");
    private static final Pattern RESOURCE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z_]*");
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

    public Verb {
        requireMatch(SERVICE, service, "service");
        requireMatch(RESOURCE, resource, "resource");
        requireMatch(NAME, name, "verb");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(responseType, "responseType");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(access, "access");
    }

    public static <Q, R> Verb<Q, R> of(String service, String resource, String name, String summary,
                                       Class<Q> requestType, Class<R> responseType, VerbHandler<Q, R> handler) {
        return new Verb<>(service, resource, name, summary, requestType, responseType, handler, VerbAccess.PERMISSION);
    }

    /** This verb, callable by {@code access} instead. */
    public Verb<Q, R> callableBy(VerbAccess access) {
        return new Verb<>(service, resource, name, summary, requestType, responseType, handler, access);
    }

    /** The permission a caller needs: {@code service.Resource.verb}. */
    public String permission() {
        return service + "." + resource + "." + name;
    }

    /** The path segment of the resource: {@code DomainConfig} becomes {@code domain-config}, {@code APIKey} {@code api-key}. */
    public String resourcePath() {
        return WORD_BOUNDARY.matcher(resource).replaceAll("-").toLowerCase();
    }

    /** The HTTP path the verb is served at. */
    public String path() {
        return "/api/" + service.replace('_', '-') + "/" + resourcePath() + "/" + name;
    }

    @SuppressWarnings("unchecked")
    Object invoke(Caller caller, Object request) {
        return handler.handle(caller, (Q) request);
    }

    private static void requireMatch(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name: " + value);
        }
    }
}
