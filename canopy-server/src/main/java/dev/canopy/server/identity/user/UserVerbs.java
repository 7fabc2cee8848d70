package dev.canopy.server.identity.user;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.api.VerbAccess;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** {@code identity.User}, managed by those whose roles allow it, and {@code identity.UserProfile}, every user's own. */
@Component
class UserVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    UserVerbs(UserService users) {
        verbs = List.of(
                Verb.of("identity", "User", "create",
                        "Creates a user: LOCAL (e-mail id and password), EXTERNAL or API_ONLY (no password)",
                        UserRequests.UserCreate.class, ObjectNode.class, users::create),
                Verb.of("identity", "User", "update", "Changes a user's name, e-mail, language, time zone or tags",
                        UserRequests.UserUpdate.class, ObjectNode.class, users::update),
                Verb.of("identity", "User", "delete",
                        "Deletes a user with their password, role bindings, refresh tokens and API keys",
                        UserRequests.UserId.class, ObjectNode.class, users::delete),
                Verb.of("identity", "User", "get", "Reads a user by user_id",
                        UserRequests.UserId.class, ObjectNode.class, users::get),
                Verb.of("identity", "User", "enable", "Lets a disabled user in again",
                        UserRequests.UserId.class, ObjectNode.class, users::enable),
                Verb.of("identity", "User", "disable", "Shuts a user out at once, tokens and API keys included",
                        UserRequests.UserId.class, ObjectNode.class, users::disable),
                Verb.of("identity", "User", "list", "Lists users matching a query",
                        UserRequests.UserList.class, ListResult.class, users::list),
                Verb.of("identity", "User", "stat", "Computes statistics over users",
                        UserRequests.UserStat.class, StatResult.class, users::stat),
                Verb.of("identity", "User", "find", "Finds users by a keyword in their id or name; minimal fields",
                        UserRequests.UserFind.class, ListResult.class, users::find),
                Verb.of("identity", "UserProfile", "get", "Reads your own user",
                        UserRequests.ProfileGet.class, ObjectNode.class, users::profile).callableBy(VerbAccess.SIGNED_IN),
                Verb.of("identity", "UserProfile", "update", "Changes your own name, e-mail, language or time zone",
                        UserRequests.ProfileUpdate.class, ObjectNode.class, users::updateProfile)
                        .callableBy(VerbAccess.SIGNED_IN),
                Verb.of("identity", "UserProfile", "update_password",
                        "Changes your own password, given the current one; signs out your other sessions' refresh tokens",
                        UserRequests.PasswordChange.class, ObjectNode.class, users::updatePassword)
                        .callableBy(VerbAccess.SIGNED_IN));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
