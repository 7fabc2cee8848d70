package dev.canopy.server.api;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

import dev.canopy.server.system.CanopyProperties;
import dev.canopy.server.system.ServerRole;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The one entry point of the API: finds the verb, binds and validates its request, runs it. */
@RestController
class ApiController {


    private final VerbRegistry registry;
    private final RequestBodyReader bodyReader;
    private final ApiJson json;
    private final Validator validator;
    private final Authenticator authenticator;
    private final boolean servesApi;

    ApiController(VerbRegistry registry, RequestBodyReader bodyReader, ApiJson json, Validator validator,
                  Authenticator authenticator, CanopyProperties properties) {
        this.servesApi = properties.plays(ServerRole.API);
        this.registry = registry;
        this.bodyReader = bodyReader;
        this.json = json;
        this.validator = validator;
        this.authenticator = authenticator;
    }

    @PostMapping("/api/{service}/{resource}/{verb}")
    ResponseEntity<byte[]> dispatch(@PathVariable String service, @PathVariable String resource,
                                    @PathVariable String verb, HttpServletRequest request) throws IOException {
        if (!servesApi) {
            throw new ApiException(ErrorCode.ERROR_NOT_FOUND,
                    "This instance does not play the api role (canopy.roles); send API calls to one that does",
                    Map.of("key", "canopy.roles"));
        }
        Verb<?, ?> target = registry.find(service, resource, verb).orElseThrow(() ->
                ApiException.notFound("api", service + "/" + resource + "/" + verb));
        // Who calls, and whether they may, is settled before the body is read.
        Caller caller = caller(target, request);
        Object body = json.readRequest(bodyReader.read(request), target.requestType());
        validate(body);
        Object result = target.invoke(caller, body);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(result));
    }

    private Caller caller(Verb<?, ?> target, HttpServletRequest request) {
        if (target.access() == VerbAccess.OPEN) {
            return Caller.ANONYMOUS;
        }
        AuthenticatedUser user = authenticator.authenticate(request);
        if (target.access() == VerbAccess.SIGNED_IN) {
            return new Caller(user.domainId(), user.userId(), Reach.DOMAIN);
        }
        Reach reach = user.access().reach(target.permission());
        if (reach.none()) {
            throw new ApiException(ErrorCode.ERROR_PERMISSION_DENIED,
                    "Permission denied: your roles do not grant " + target.permission(),
                    Map.of("key", "permission", "reason", target.permission()));
        }
        return new Caller(user.domainId(), user.userId(), reach);
    }

    private void validate(Object body) {
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        violations.stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw toApiException(violation);
                });
    }

    private static ApiException toApiException(ConstraintViolation<Object> violation) {
        String key = snakeCase(violation.getPropertyPath().toString());
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        boolean missing = violation.getInvalidValue() == null
                && (constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class);
        return missing ? ApiException.requiredParameter(key) : ApiException.invalidParameter(key, violation.getMessage());
    }

    private static String snakeCase(String propertyPath) {
        StringBuilder key = new StringBuilder();
        for (String part : propertyPath.split("\\.")) {
            key.append(key.isEmpty() ? "" : ".").append(ApiJson.snakeCase(part));
        }
        return key.toString();
    }
}
