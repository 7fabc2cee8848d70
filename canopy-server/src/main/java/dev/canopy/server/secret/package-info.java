/**
 * Cloudforet's secret service: the credentials of cloud accounts ({@code secret.Secret}), encrypted
 * at rest with Google Tink (AEAD, AES-256-GCM) under the instance's keyset. No verb ever returns the
 * data; {@link dev.canopy.server.secret.SecretVault} decrypts it for the plugin runtime only.
 * Depends on the {@code api}, {@code store} and {@code system} modules.
 */
package dev.canopy.server.secret;
