package dev.canopy.server.identity.domain;

import dev.canopy.query.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.Domain} and {@code identity.SigningKey}. */
final class DomainRequests {

    private DomainRequests() {
    }

    /** The first administrator of a new domain: a LOCAL user; never printed with the password. */
    record DomainAdmin(@NotBlank @Size(max = 255) String userId, @NotBlank @Size(max = 72) String password,
                 @Size(max = 255) String name, @Size(max = 255) String email) {

        @Override
        public String toString() {
            return "DomainAdmin[user_id=" + userId + ", password=<hidden>]";
        }
    }

    /** {@code create}: a domain name (lower-case letters, digits and hyphens) and its admin. */
    record DomainCreate(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}",
                          message = "must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter or digit")
                  String name,
                  @NotNull @Valid DomainAdmin admin, ObjectNode tags) {
    }

    /** {@code get}, {@code enable} and {@code disable}. */
    record DomainId(@NotBlank @Size(max = 64) String domainId) {
    }

    /** {@code update}: the tags to set. */
    record DomainUpdate(@NotBlank @Size(max = 64) String domainId, @NotNull ObjectNode tags) {
    }

    /** {@code list}: every domain, a page at a time. */
    record DomainList(Page page) {
    }

    /** {@code SigningKey.rotate}: nothing. */
    record SigningKeyRotate() {
    }
}
