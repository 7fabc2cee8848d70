package dev.canopy.server.identity.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

/** Disabled authentication is honoured only on loopback with the embedded database. */
class DisabledAuthenticatorTest {

    @Test
    void actsAsTheRootAdminOnLoopbackWithTheEmbeddedDatabase() {
        for (String address : new String[] {"127.0.0.1", "::1", "[::1]", "127.0.0.2"}) {
            DisabledAuthenticator authenticator = new DisabledAuthenticator(new MockEnvironment()
                    .withProperty("server.address", address));

            var user = authenticator.authenticate(new MockHttpServletRequest());

            assertThat(user.domainId()).isEqualTo("domain-default");
            assertThat(user.userId()).isEqualTo("admin");
            assertThat(user.access().reach("identity.Domain.create").wholeDomain()).isTrue();
        }
    }

    @Test
    void refusesAnyAddressButLoopback() {
        for (String address : new String[] {"", "0.0.0.0", "::", "10.0.0.5", "localhost", "example.com"}) {
            assertThatThrownBy(() -> new DisabledAuthenticator(new MockEnvironment().withProperty("server.address", address)))
                    .as(address).isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
        }
        assertThatThrownBy(() -> new DisabledAuthenticator(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loopback");
    }

    @Test
    void refusesAnExternalDatabase() {
        assertThatThrownBy(() -> new DisabledAuthenticator(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("canopy.datasource.url", "jdbc:postgresql://db:5432/canopy")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded database");
    }
}
