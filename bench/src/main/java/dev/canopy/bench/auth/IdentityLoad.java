package dev.canopy.bench.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.canopy.bench.BenchmarkFailure;

/**
 * Loads the project tree, users and role bindings of the benchmark with a few set-based SQL
 * statements straight into a running server's embedded database (the API would take minutes for
 * 10,000 projects on two cores, and the load is not what is measured). The documents have the
 * shapes the API writes; the domain's identity generation moves afterwards, as every identity
 * write does.
 *
 * <p>The tree: groups {@code 0..9} are roots, group {@code i >= 10} hangs under {@code (i - 10) / 3},
 * so 1,000 groups are five levels deep. Project {@code j} is in group {@code j mod groups}. User
 * {@code k} holds {@code bindings / users} project roles: on groups spread over the tree, the last
 * on a single project; user 0 is the project-scoped user the benchmark signs in as.
 */
final class IdentityLoad {

    static final String DOMAIN = "domain-default";

    private IdentityLoad() {
    }

    /** What the benchmark needs from the load. */
    record Loaded(String projectUser, String projectInReach) {
    }

    static Loaded load(Path dataDir, AuthBenchOptions options) throws IOException, SQLException {
        try (Connection connection = connect(dataDir)) {
            connection.setAutoCommit(false);
            String viewer = roleId(connection, "Project Viewer");
            String admin = roleId(connection, "Project Admin");
            int groups = options.projectGroups();
            int perUser = options.bindings() / options.users();
            update(connection, """
                    INSERT INTO project_group (id, domain_id, name, parent_group_id, created_at, updated_at, doc)
                    SELECT id, ?, name, parent, now(), now(), jsonb_strip_nulls(jsonb_build_object('project_group_id', id,
                           'name', name, 'parent_group_id', parent, 'tags', '{}'::jsonb, 'domain_id', ?::text,
                           'created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'updated_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
                    FROM (SELECT format('pg-bench-%s', lpad(i::text, 5, '0')) AS id, 'group ' || i AS name,
                                 CASE WHEN i < 10 THEN NULL ELSE format('pg-bench-%s', lpad(((i - 10) / 3)::text, 5, '0')) END
                                     AS parent
                          FROM generate_series(0, ? - 1) AS i) AS g
                    """, DOMAIN, DOMAIN, groups);
            update(connection, """
                    INSERT INTO project (id, domain_id, name, project_group_id, created_at, updated_at, doc)
                    SELECT id, ?, name, grp, now(), now(), jsonb_build_object('project_id', id, 'name', name,
                           'project_group_id', grp, 'tags', '{}'::jsonb, 'domain_id', ?::text,
                           'created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                           'updated_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                    FROM (SELECT format('project-bench-%s', lpad(j::text, 6, '0')) AS id, 'project ' || j AS name,
                                 format('pg-bench-%s', lpad((j % ?)::text, 5, '0')) AS grp
                          FROM generate_series(0, ? - 1) AS j) AS p
                    """, DOMAIN, DOMAIN, groups, options.projects());
            update(connection, """
                    INSERT INTO identity_user (id, domain_id, user_id, name, state, auth_type, created_at, updated_at, doc)
                    SELECT format('user-bench-%s', k), ?, user_id, user_id, 'ENABLED', 'LOCAL', now(), now(),
                           jsonb_build_object('user_id', user_id, 'name', user_id, 'state', 'ENABLED', 'auth_type', 'LOCAL',
                           'language', 'en', 'timezone', 'UTC', 'tags', '{}'::jsonb, 'domain_id', ?::text)
                    FROM (SELECT k, format('bench-user-%s@example.com', k) AS user_id FROM generate_series(0, ? - 1) AS k) AS u
                    """, DOMAIN, DOMAIN, options.users());
            // Every loaded user shares the admin's password hash: only user 0 ever signs in.
            update(connection, """
                    INSERT INTO user_credential (domain_id, user_id, password_hash)
                    SELECT ?, format('bench-user-%s@example.com', k),
                           (SELECT password_hash FROM user_credential WHERE domain_id = ? AND user_id = 'admin')
                    FROM generate_series(0, ? - 1) AS k
                    """, DOMAIN, DOMAIN, options.users());
            // Binding b of user k: on a group spread over the tree, the last one on a single project.
            update(connection, """
                    INSERT INTO role_binding (id, domain_id, user_id, role_id, role_type, project_id, project_group_id,
                                              created_at, updated_at, doc)
                    SELECT id, ?, user_id, role_id, 'PROJECT', project_id, group_id, now(), now(),
                           jsonb_strip_nulls(jsonb_build_object('role_binding_id', id, 'user_id', user_id, 'role_id', role_id,
                           'role_type', 'PROJECT', 'project_id', project_id, 'project_group_id', group_id,
                           'tags', '{}'::jsonb, 'domain_id', ?::text))
                    FROM (SELECT format('rb-bench-%s-%s', k, b) AS id, format('bench-user-%s@example.com', k) AS user_id,
                                 CASE WHEN b % 2 = 0 THEN ? ELSE ? END AS role_id,
                                 CASE WHEN b = ? - 1 THEN format('project-bench-%s', lpad(((k * 7919 + 1) % ?)::text, 6, '0')) END
                                     AS project_id,
                                 CASE WHEN b < ? - 1 THEN format('pg-bench-%s', lpad(((k * 37 + b * 331) % ?)::text, 5, '0')) END
                                     AS group_id
                          FROM generate_series(0, ? - 1) AS k, generate_series(0, ? - 1) AS b) AS rb
                    """, DOMAIN, DOMAIN, viewer, admin, perUser, options.projects(), perUser, groups,
                    options.users(), perUser);
            update(connection, "UPDATE identity_generation SET generation = generation + 1 WHERE domain_id = ?", DOMAIN);
            connection.commit();
            try (var statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("VACUUM ANALYZE project_group, project, identity_user, user_credential, role_binding");
            }
        }
        // User 0's first binding is on group 0, a root; project 0 is in group 0.
        return new Loaded("bench-user-0@example.com", "project-bench-000000");
    }

    /** Counts of what is in the database, to print beside the results. */
    static List<Long> counts(Path dataDir) throws IOException, SQLException {
        try (Connection connection = connect(dataDir)) {
            return List.of(count(connection, "project_group"), count(connection, "project"),
                    count(connection, "identity_user"), count(connection, "role_binding"));
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM " + table + " WHERE domain_id = ?")) {
            statement.setString(1, DOMAIN);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The embedded database of a running server: its port from postmaster.pid, its password from the data dir. */
    private static Connection connect(Path dataDir) throws IOException, SQLException {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"), StandardCharsets.UTF_8);
        if (pid.size() < 4) {
            throw new BenchmarkFailure("cannot read the embedded database's port from " + dataDir.resolve("postgres/postmaster.pid"));
        }
        String password = Files.readString(dataDir.resolve("database-password"), StandardCharsets.UTF_8).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/canopy", "postgres", password);
    }

    private static String roleId(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM role WHERE domain_id = ? AND name = ?")) {
            statement.setString(1, DOMAIN);
            statement.setString(2, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new BenchmarkFailure("the default role '" + name + "' is missing");
                }
                return rows.getString(1);
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            statement.executeUpdate();
        }
    }
}
