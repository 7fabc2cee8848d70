package dev.canopy.server.identity.token;

import java.util.Map;

import dev.canopy.server.api.Access;
import dev.canopy.server.api.ApiException;
import dev.canopy.server.api.AuthenticatedUser;
import dev.canopy.server.api.Authenticator;
import dev.canopy.server.api.ErrorCode;
import dev.canopy.server.identity.access.AccessCache;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Authenticates {@code Authorization: Bearer <token>}, where the token is an access token or an
 * API key, and attaches what the user may do. A disabled or deleted user, or one of a disabled
 * domain, is refused at once: access is looked up under the domain's current identity generation.
 */
@Component
@ConditionalOnProperty(prefix = "canopy.api", name = "authentication", havingValue = "required", matchIfMissing = true)
class BearerAuthenticator implements Authenticator {

    private static final String BEARER = "Bearer ";

    private final AccessTokens accessTokens;
    private final ApiKeyCredentials apiKeys;
    private final AccessCache access;

    BearerAuthenticator(AccessTokens accessTokens, ApiKeyCredentials apiKeys, AccessCache access) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
        this.access = access;
    }

    @Override
    public AuthenticatedUser authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiException(ErrorCode.ERROR_AUTHENTICATE_FAILURE,
                    "Sign in first: send 'Authorization: Bearer <token>' (identity.Token.issue gives one)", Map.of());
        }
        String token = header.substring(BEARER.length()).strip();
        AccessTokens.Subject subject = (ApiKeyCredentials.looksLikeKey(token) ? apiKeys.verify(token) : accessTokens.verify(token))
                .orElseThrow(BearerAuthenticator::refused);
        Access granted = access.access(subject.domainId(), subject.userId()).orElseThrow(BearerAuthenticator::refused);
        return new AuthenticatedUser(subject.domainId(), subject.userId(), granted);
    }

    private static ApiException refused() {
        return new ApiException(ErrorCode.ERROR_AUTHENTICATE_FAILURE, "The token is invalid or has expired", Map.of());
    }
}
