package dev.canopy.server.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secret settings.
 *
 * @param key the Tink keyset (JSON) that encrypts secrets; when empty, one is generated once into
 *            {@code <data-dir>/secret-keyset.json} (readable by its owner only)
 */
@ConfigurationProperties("canopy.secret")
public record SecretProperties(String key) {

    @Override
    public String toString() {
        return "SecretProperties[key=" + (key == null || key.isBlank() ? "<none>" : "<hidden>") + "]";
    }
}
