/**
 * Cloudforet's config service: name-keyed JSON documents. {@code config.DomainConfig} holds
 * settings shared by a domain, {@code config.UserConfig} a user's own (preferences, favourites).
 * Serves the verbs create, update, set (upsert), delete, get, list and stat of both through the
 * API; depends on the {@code api} and {@code store} modules.
 */
package dev.canopy.server.config;
