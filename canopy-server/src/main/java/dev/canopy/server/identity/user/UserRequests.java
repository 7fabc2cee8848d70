package dev.canopy.server.identity.user;

import dev.canopy.query.Page;
import dev.canopy.query.Query;
import dev.canopy.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.node.ObjectNode;

/** The request bodies of {@code identity.User} and {@code identity.UserProfile}. */
final class UserRequests {

    static final int MAX_ID_LENGTH = 255;
    static final int MAX_TEXT_LENGTH = 255;

    private UserRequests() {
    }

    /** How a user signs in: a password, an external identity provider, or API keys only. */
    enum AuthType {
        LOCAL, EXTERNAL, API_ONLY
    }

    /** {@code create}: a new user; a LOCAL user needs a password, the others must not have one. */
    record UserCreate(@NotBlank @Size(max = MAX_ID_LENGTH) String userId, AuthType authType,
                  @Size(max = 72) String password, @Size(max = MAX_TEXT_LENGTH) String name,
                  @Size(max = MAX_TEXT_LENGTH) String email, @Size(max = 16) String language,
                  @Size(max = 64) String timezone, ObjectNode tags) {

        @Override
        public String toString() {
            return "UserCreate[user_id=" + userId + ", auth_type=" + authType + ", password=<hidden>]";
        }
    }

    /** {@code update}: the parts to change; absent parts stay as they are. */
    record UserUpdate(@NotBlank @Size(max = MAX_ID_LENGTH) String userId, @Size(max = MAX_TEXT_LENGTH) String name,
                  @Size(max = MAX_TEXT_LENGTH) String email, @Size(max = 16) String language,
                  @Size(max = 64) String timezone, ObjectNode tags) {
    }

    /** {@code get}, {@code delete}, {@code enable} and {@code disable}. */
    record UserId(@NotBlank @Size(max = MAX_ID_LENGTH) String userId) {
    }

    /** {@code list}. */
    record UserList(Query query) {
    }

    /** {@code stat}. */
    record UserStat(@NotNull StatisticsQuery query) {
    }

    /** {@code find}: a keyword matched against user ids and names, optionally of one state. */
    record UserFind(@NotBlank @Size(max = MAX_TEXT_LENGTH) String keyword, @Size(max = 16) String state, Page page) {
    }

    /** {@code UserProfile.update}: the caller's own name, e-mail, language and time zone. */
    record ProfileUpdate(@Size(max = MAX_TEXT_LENGTH) String name, @Size(max = MAX_TEXT_LENGTH) String email,
                         @Size(max = 16) String language, @Size(max = 64) String timezone) {
    }

    /** {@code UserProfile.update_password}; never printed. */
    record PasswordChange(@NotBlank @Size(max = 72) String currentPassword, @NotBlank @Size(max = 72) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[current_password=<hidden>, new_password=<hidden>]";
        }
    }

    /** {@code UserProfile.get}: nothing; the caller is the user. */
    record ProfileGet() {
    }
}
