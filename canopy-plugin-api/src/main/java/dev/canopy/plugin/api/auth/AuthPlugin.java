package dev.canopy.plugin.api.auth;

import dev.canopy.plugin.api.Plugin;

import java.util.List;
import java.util.Map;

/** External authentication: signs users in against another identity system (OIDC, LDAP, ...). */
public interface AuthPlugin extends Plugin {

    /** Finds users by id or keyword, for adding external users to a domain. */
    List<ExternalUser> find(Map<String, Object> options, Map<String, Object> secretData, String userId, String keyword);

    /** Checks the user's credentials; throws {@link dev.canopy.plugin.api.PluginException} when they are wrong. */
    ExternalUser login(Map<String, Object> options, Map<String, Object> secretData, Map<String, Object> credentials);
}
