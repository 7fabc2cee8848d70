-- Signing keys are stored encrypted under the secret keyset from now on; keys written before stay
-- readable as they are (sealed = false) until a rotation retires them.
ALTER TABLE signing_key ADD COLUMN sealed boolean NOT NULL DEFAULT false;
