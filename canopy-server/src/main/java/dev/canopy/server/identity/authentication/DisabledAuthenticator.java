package dev.canopy.server.identity.authentication;

import java.net.InetAddress;
import java.net.UnknownHostException;

import dev.canopy.server.api.Access;
import dev.canopy.server.api.AuthenticatedUser;
import dev.canopy.server.api.Authenticator;
import dev.canopy.server.api.Reach;
import dev.canopy.server.identity.domain.Domains;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code canopy.api.authentication=disabled}: every call, with or without credentials, acts as the
 * root domain's admin with every permission, and nothing about the caller is looked up. It exists
 * so that a benchmark can measure what authentication costs against the same server build.
 *
 * <p>Because it opens everything to anyone who can connect, the server refuses to start with it
 * unless it listens on a loopback address only ({@code server.address} 127.0.0.1 or ::1) and runs
 * its embedded database (no {@code canopy.datasource.url}), so that no shared data is ever exposed.
 */
@Component
@ConditionalOnProperty(prefix = "canopy.api", name = "authentication", havingValue = "disabled")
class DisabledAuthenticator implements Authenticator {

    /** The admin that the first start creates in the root domain. */
    static final String ROOT_ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(DisabledAuthenticator.class);

    private final AuthenticatedUser rootAdmin;

    DisabledAuthenticator(Environment environment) {
        String address = environment.getProperty("server.address", "");
        if (!isLoopback(address)) {
            throw new IllegalStateException("canopy.api.authentication=disabled is refused: the server must listen on"
                    + " a loopback address only (server.address=127.0.0.1 or ::1), not '" + address + "'");
        }
        String databaseUrl = environment.getProperty("canopy.datasource.url", "");
        if (!databaseUrl.isBlank()) {
            throw new IllegalStateException("canopy.api.authentication=disabled is refused: the server must run its"
                    + " embedded database, and canopy.datasource.url is set");
        }
        Access everything = permission -> Reach.DOMAIN;
        this.rootAdmin = new AuthenticatedUser(Domains.ROOT_ID, ROOT_ADMIN, everything);
        log.warn("""

                ======================================================================
                AUTHENTICATION IS DISABLED (canopy.api.authentication=disabled).
                Every API call acts as the root domain's admin, without credentials.
                For benchmarks only; never run a server like this with real data.
                ======================================================================""");
    }

    @Override
    public AuthenticatedUser authenticate(HttpServletRequest request) {
        return rootAdmin;
    }

    /** Whether {@code address} is a literal loopback address (no name is resolved). */
    static boolean isLoopback(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
