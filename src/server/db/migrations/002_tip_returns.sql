-- Unclaimed tips go back to their tippers once returns_at has passed; this marks the ones that did.
ALTER TABLE tips ADD COLUMN returned_at timestamptz;
CREATE INDEX tips_due_back ON tips (returns_at) WHERE recipient_account IS NULL AND returned_at IS NULL;
