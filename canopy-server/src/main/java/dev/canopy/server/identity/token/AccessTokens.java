package dev.canopy.server.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.canopy.server.identity.IdentityProperties;
import org.springframework.stereotype.Component;

/** Signs and verifies access tokens: JWTs (HS256) naming the domain ({@code did}) and the user ({@code sub}). */
@Component
public class AccessTokens {

    static final String ISSUER = "canopy";
    private static final String DOMAIN_CLAIM = "did";
    private static final String TYPE_CLAIM = "typ";
    private static final String ACCESS = "ACCESS_TOKEN";

    /** Who an access token was issued to. */
    public record Subject(String domainId, String userId) {
    }

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityProperties properties) {
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public String issue(String domainId, String userId) {
        SigningKeys.Key key = keys.current();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId)
                .claim(DOMAIN_CLAIM, domainId)
                .claim(TYPE_CLAIM, ACCESS)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(new MACSigner(key.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The subject of a valid, unexpired access token signed with an unretired key; empty otherwise. */
    public Optional<Subject> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<SigningKeys.Key> key = keys.find(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new MACVerifier(key.get().secret()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !ACCESS.equals(claims.getStringClaim(TYPE_CLAIM))
                    || expires == null || !expires.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            String domainId = claims.getStringClaim(DOMAIN_CLAIM);
            String userId = claims.getSubject();
            return domainId == null || userId == null ? Optional.empty() : Optional.of(new Subject(domainId, userId));
        } catch (ParseException | JOSEException malformed) {
            return Optional.empty();
        }
    }
}
