/**
 * Cloudforet's secret service: the credentials of cloud accounts ({@code secret.Secret}) and of
 * trusted accounts ({@code secret.TrustedSecret}), encrypted at rest with Google Tink (AEAD,
 * AES-256-GCM) under the instance's keyset. No verb ever returns the data.
 *
 * <p>Exposes {@link dev.canopy.server.secret.SecretVault} (decrypts for the plugin runtime, seals
 * other modules' key material), {@link dev.canopy.server.secret.AccountSecrets} (the credentials
 * of accounts, written within the caller's transaction) and {@link dev.canopy.server.secret.SecretType};
 * asks {@link dev.canopy.server.secret.SecretSchemas}, which the identity module implements, to
 * check data against its schema. Depends on the {@code api}, {@code store} and {@code system} modules.
 */
package dev.canopy.server.secret;
