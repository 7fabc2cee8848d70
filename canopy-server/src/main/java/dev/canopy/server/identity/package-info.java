/**
 * Cloudforet's identity service: domains, users and their credentials, access tokens and API
 * keys, policies, roles, role bindings, the project tree, providers and the schemas of account
 * data, service accounts and trusted accounts. Implements the {@code api} module's
 * {@code Authenticator}, so every verb of every module is authenticated and checked against the
 * caller's roles before it runs, and the {@code secret} module's {@code SecretSchemas}, so that
 * secret data follows its schema. Exposes {@link dev.canopy.server.identity.ServiceAccounts}: the
 * decrypted credentials of a service account, for plugin calls. Depends on the {@code api},
 * {@code store}, {@code system} and {@code secret} modules (signing keys are sealed with the secret
 * keyset; account credentials are secrets).
 */
package dev.canopy.server.identity;
