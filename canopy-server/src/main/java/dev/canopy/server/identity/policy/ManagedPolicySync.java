package dev.canopy.server.identity.policy;

import java.util.List;
import java.util.stream.Stream;

import dev.canopy.server.identity.access.ManagedPolicy;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies the managed policies from code into table {@code managed_policy} when the server starts,
 * before it serves requests, so that listings show exactly the policies this version enforces.
 * Instances starting together write the same rows, so their copies agree.
 */
@Component
class ManagedPolicySync implements SmartInitializingSingleton {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ManagedPolicySync(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            for (ManagedPolicy policy : ManagedPolicy.values()) {
                jdbc.sql("INSERT INTO managed_policy (id, name, doc) VALUES (?, ?, CAST(? AS jsonb))"
                                + " ON CONFLICT (id) DO UPDATE SET name = excluded.name, doc = excluded.doc")
                        .params(policy.id(), policy.title(), document(policy).toString()).update();
            }
            String[] current = Stream.of(ManagedPolicy.values()).map(ManagedPolicy::id).toArray(String[]::new);
            jdbc.sql("DELETE FROM managed_policy WHERE NOT (id = ANY(?))").param(current).update();
        });
    }

    /** A managed policy as listed: its patterns, and those it leaves out. */
    static ObjectNode document(ManagedPolicy policy) {
        ObjectNode document = NODES.objectNode().put("policy_id", policy.id()).put("name", policy.title())
                .put("description", policy.description());
        List<String> granted = policy.grantedPatterns();
        granted.forEach(document.putArray("permissions")::add);
        policy.excludedPatterns().forEach(document.putArray("excluded_permissions")::add);
        document.putObject("tags");
        return document;
    }
}
