/**
 * Cloudforet's identity service: domains, users and their credentials, access tokens and API
 * keys, policies, roles, role bindings and the project tree. Implements the {@code api} module's
 * {@code Authenticator}, so every verb of every module is authenticated and checked against the
 * caller's roles before it runs. Depends on the {@code api}, {@code store}, {@code system} and
 * {@code secret} modules (signing keys are sealed with the secret keyset).
 */
package dev.canopy.server.identity;
