package dev.canopy.server.identity.serviceaccount;

import java.util.List;

import dev.canopy.server.api.ApiVerbs;
import dev.canopy.server.api.Verb;
import dev.canopy.server.store.ListResult;
import dev.canopy.server.store.StatResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** The verbs of {@code identity.ServiceAccount} and {@code identity.TrustedAccount}. */
@Component
class ServiceAccountVerbs implements ApiVerbs {

    private final List<Verb<?, ?>> verbs;

    ServiceAccountVerbs(ServiceAccountService accounts, TrustedAccountService trusted) {
        verbs = List.of(
                Verb.of("identity", "ServiceAccount", "create",
                        "Creates a service account in a project, with its credentials in the same transaction",
                        ServiceAccountRequests.ServiceAccountCreate.class, ObjectNode.class, accounts::create),
                Verb.of("identity", "ServiceAccount", "update", "Changes the name, data or tags of a service account",
                        ServiceAccountRequests.ServiceAccountUpdate.class, ObjectNode.class, accounts::update),
                Verb.of("identity", "ServiceAccount", "change_trusted_account",
                        "Attaches a trusted account whose credentials the service account borrows, or detaches it",
                        ServiceAccountRequests.ServiceAccountChangeTrustedAccount.class, ObjectNode.class,
                        accounts::changeTrustedAccount),
                Verb.of("identity", "ServiceAccount", "update_secret_data",
                        "Replaces a service account's own credentials, checked against their schema",
                        ServiceAccountRequests.ServiceAccountUpdateSecretData.class, ObjectNode.class,
                        accounts::updateSecretData),
                Verb.of("identity", "ServiceAccount", "delete_secret_data", "Deletes a service account's own credentials",
                        ServiceAccountRequests.ServiceAccountId.class, ObjectNode.class, accounts::deleteSecretData),
                Verb.of("identity", "ServiceAccount", "delete", "Deletes a service account and its credentials",
                        ServiceAccountRequests.ServiceAccountId.class, ObjectNode.class, accounts::delete),
                Verb.of("identity", "ServiceAccount", "get", "Reads a service account, without its credentials",
                        ServiceAccountRequests.ServiceAccountId.class, ObjectNode.class, accounts::get),
                Verb.of("identity", "ServiceAccount", "list", "Lists the service accounts you reach that match a query",
                        ServiceAccountRequests.ServiceAccountList.class, ListResult.class, accounts::list),
                Verb.of("identity", "ServiceAccount", "stat", "Computes statistics over the service accounts you reach",
                        ServiceAccountRequests.ServiceAccountStat.class, StatResult.class, accounts::stat),
                Verb.of("identity", "TrustedAccount", "create",
                        "Creates a trusted account of the domain, with its credentials in the same transaction",
                        ServiceAccountRequests.TrustedAccountCreate.class, ObjectNode.class, trusted::create),
                Verb.of("identity", "TrustedAccount", "update", "Changes the name, data or tags of a trusted account",
                        ServiceAccountRequests.TrustedAccountUpdate.class, ObjectNode.class, trusted::update),
                Verb.of("identity", "TrustedAccount", "update_secret_data",
                        "Replaces a trusted account's credentials, checked against their schema",
                        ServiceAccountRequests.TrustedAccountUpdateSecretData.class, ObjectNode.class,
                        trusted::updateSecretData),
                Verb.of("identity", "TrustedAccount", "delete",
                        "Deletes a trusted account and its credentials, unless a service account borrows them",
                        ServiceAccountRequests.TrustedAccountId.class, ObjectNode.class, trusted::delete),
                Verb.of("identity", "TrustedAccount", "get", "Reads a trusted account, without its credentials",
                        ServiceAccountRequests.TrustedAccountId.class, ObjectNode.class, trusted::get),
                Verb.of("identity", "TrustedAccount", "list", "Lists trusted accounts matching a query",
                        ServiceAccountRequests.TrustedAccountList.class, ListResult.class, trusted::list),
                Verb.of("identity", "TrustedAccount", "stat", "Computes statistics over trusted accounts",
                        ServiceAccountRequests.TrustedAccountStat.class, StatResult.class, trusted::stat));
    }

    @Override
    public List<Verb<?, ?>> verbs() {
        return verbs;
    }
}
