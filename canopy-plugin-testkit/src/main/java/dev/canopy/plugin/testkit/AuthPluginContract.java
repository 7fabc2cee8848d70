package dev.canopy.plugin.testkit;

import dev.canopy.plugin.api.auth.AuthPlugin;
import dev.canopy.plugin.api.auth.ExternalUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.canopy.plugin.testkit.ContractAssertions.assertJsonObject;
import static dev.canopy.plugin.testkit.ContractAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of an external authentication plugin: {@code init} metadata is JSON; {@code verify}
 * passes with good credentials and rejects bad ones; {@code find} by user id answers that user and by
 * keyword answers well-formed users (an id, a state among Cloudforet's); {@code login} with the known
 * user's credentials answers that user and rejects wrong credentials.
 */
@Timeout(60)
public abstract class AuthPluginContract {

    public static final Set<String> STATES = Set.of("ENABLED", "DISABLED", "UNIDENTIFIED");

    protected abstract AuthPlugin plugin();

    protected abstract Map<String, Object> options();

    protected abstract Map<String, Object> secretData();

    protected abstract Map<String, Object> badSecretData();

    /** A user the identity system knows. */
    protected abstract String knownUserId();

    /** A keyword that finds at least one user. */
    protected abstract String keyword();

    /** The known user's credentials. */
    protected abstract Map<String, Object> credentials();

    /** Credentials that must not sign anyone in. */
    protected abstract Map<String, Object> badCredentials();

    @Test
    void initAnswersJsonMetadata() {
        assertJsonObject("init metadata", plugin().init(options()).values());
    }

    @Test
    void verifyPassesWithGoodCredentials() {
        plugin().verify(options(), secretData());
    }

    @Test
    void verifyRejectsBadCredentials() {
        assertRejected("verify with bad secret data", () -> plugin().verify(options(), badSecretData()));
    }

    @Test
    void findByUserIdAnswersThatUser() {
        List<ExternalUser> users = plugin().find(options(), secretData(), knownUserId(), null);
        assertThat(users).extracting(ExternalUser::userId).containsExactly(knownUserId());
    }

    @Test
    void findByKeywordAnswersWellFormedUsers() {
        List<ExternalUser> users = plugin().find(options(), secretData(), null, keyword());
        assertThat(users).isNotEmpty();
        assertThat(users).extracting(ExternalUser::userId).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
        users.forEach(user -> {
            if (user.state() != null) {
                assertThat(STATES).as("state of " + user.userId()).contains(user.state());
            }
        });
    }

    @Test
    void loginAnswersTheUserOfTheCredentials() {
        ExternalUser user = plugin().login(options(), secretData(), credentials());
        assertThat(user.userId()).isEqualTo(knownUserId());
    }

    @Test
    void loginRejectsBadCredentials() {
        assertRejected("login with bad credentials", () -> plugin().login(options(), secretData(), badCredentials()));
    }
}
