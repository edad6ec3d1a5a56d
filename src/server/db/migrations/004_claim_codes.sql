-- Claims waiting for their proof: the one-time code a creator posts publicly, one per account,
-- site and handle. Kept in plain text: the creator publishes it anyway, and it proves nothing
-- without the site showing it on that handle.
CREATE TABLE claim_codes (
  account_id text NOT NULL REFERENCES accounts (id),
  site text NOT NULL,
  -- Lower-cased, as in handle_claims.
  handle text NOT NULL,
  code text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, site, handle)
);
