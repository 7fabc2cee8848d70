package dev.canopy.server.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Until token authentication exists, every call is made by the administrator of the one default
 * domain. Token authentication replaces this class with a {@link CallerResolver} of its own.
 */
@Component
class SingleDomainCallerResolver implements CallerResolver {

    static final Caller DEFAULT_ADMIN = new Caller("domain-default", "admin");

    @Override
    public Caller resolve(HttpServletRequest request) {
        return DEFAULT_ADMIN;
    }
}
