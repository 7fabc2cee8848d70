package dev.canopy.server.identity.token;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.api.VerbAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Component;

/** {@code identity.Token.issue} and {@code identity.Token.refresh}, the two verbs anyone may call. */
@Component
class TokenVerbs implements ApiVerbs {

    /** A local user's credentials; never printed. */
    record Credentials(@NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = 255) String password) {

        @Override
        public String toString() {
            return "Credentials[user_id=" + userId + ", password=<hidden>]";
        }
    }

    /** {@code issue}: credentials, and the domain to sign in to (the root domain when absent). */
    record Issue(@NotNull @Valid Credentials credentials, @Size(max = 64) String domainId) {
    }

    /** {@code refresh}: a refresh token, which is spent. */
    record Refresh(@NotBlank @Size(max = 128) String refreshToken) {

        @Override
        public String toString() {
            return "Refresh[refresh_token=<hidden>]";
        }
    }

    private final List<Verb<?, ?>> verbs;

    TokenVerbs(TokenService tokens) {
        verbs = List.of(
                Verb.of("identity", "Token", "issue", "Signs a user in: returns an access token and a refresh token",
                        Issue.class, TokenService.TokenPair.class,
                        (caller, request) -> tokens.issue(request.domainId(), request.credentials().userId(),
                                request.credentials().password())).callableBy(VerbAccess.OPEN),
                Verb.of("identity", "Token", "refresh", "Spends a refresh token for a new access token and refresh token",
                        Refresh.class, TokenService.TokenPair.class,
                        (caller, request) -> tokens.refresh(request.refreshToken())).callableBy(VerbAccess.OPEN));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
