-- Every change of a domain's identity generation is announced on the channel
-- identity_generation ("<domain_id>:<generation>"), delivered when the change commits, so that
-- each server instance keeps the generations in memory instead of reading one per request.
CREATE FUNCTION identity_generation_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('identity_generation', NEW.domain_id || ':' || NEW.generation);
    RETURN NEW;
END
$$;

CREATE TRIGGER identity_generation_notify AFTER INSERT OR UPDATE ON identity_generation
    FOR EACH ROW EXECUTE FUNCTION identity_generation_notify();
