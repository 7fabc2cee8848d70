-- Role bindings, custom policies and roles, and the project tree as the identity verbs write them.

-- One binding per user per project, per project group, and at most one on the whole domain.
-- The verbs check first to answer clearly; these indexes keep concurrent writers honest.
CREATE UNIQUE INDEX role_binding_one_per_project ON role_binding (domain_id, user_id, project_id)
    WHERE project_id IS NOT NULL;
CREATE UNIQUE INDEX role_binding_one_per_project_group ON role_binding (domain_id, user_id, project_group_id)
    WHERE project_group_id IS NOT NULL;
CREATE UNIQUE INDEX role_binding_one_domain ON role_binding (domain_id, user_id)
    WHERE project_id IS NULL AND project_group_id IS NULL;

-- The managed policies are defined in code; the server copies them here on every start so that
-- identity.Policy.list can query them together with a domain's custom policies.
CREATE TABLE managed_policy (
    id   text COLLATE "C" PRIMARY KEY,
    name text COLLATE "C" NOT NULL,
    doc  jsonb NOT NULL
);

-- Every domain's custom policies, and the managed policies once per domain, as identity.Policy.list shows them.
CREATE VIEW policy_listing AS
    SELECT p.id, p.domain_id, p.name, 'CUSTOM'::text COLLATE "C" AS policy_type, p.created_at, p.updated_at,
           p.doc || '{"policy_type": "CUSTOM"}'::jsonb AS doc
      FROM policy p
    UNION ALL
    SELECT m.id, d.id, m.name, 'MANAGED'::text COLLATE "C", d.created_at, d.created_at,
           m.doc || jsonb_build_object('domain_id', d.id, 'policy_type', 'MANAGED')
      FROM managed_policy m CROSS JOIN domain d;
