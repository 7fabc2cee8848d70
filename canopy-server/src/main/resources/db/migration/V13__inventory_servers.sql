-- Cloudforet's Server: the cloud services that are compute instances, i.e. whose cloud service type
-- carries the label "Server" (EC2 instances, virtual machines, Compute Engine instances, nodes).
CREATE VIEW server_listing AS
    SELECT c.id, c.domain_id, c.name, c.state, c.provider, c.account, c.region_code, c.project_id,
           c.created_at, c.updated_at,
           c.doc || jsonb_build_object('server_id', c.id, 'server_type', 'VM',
                                       'primary_ip_address', c.doc #> '{ip_addresses,0}') AS doc
      FROM cloud_service c
     WHERE EXISTS (SELECT 1 FROM cloud_service_type t
                    WHERE t.domain_id = c.domain_id AND t.provider = c.provider
                      AND t.doc ->> 'group' = c.cloud_service_group AND t.name = c.cloud_service_type
                      AND t.doc -> 'labels' @> '["Server"]');
