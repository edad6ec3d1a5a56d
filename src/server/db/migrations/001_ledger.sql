-- Accounts, sessions and the double-entry ledger.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  -- The device's ECDSA P-256 public key; x||y identifies a device, so registering twice is harmless.
  public_key jsonb NOT NULL,
  public_key_id text NOT NULL UNIQUE,
  -- Set by the first top-up; tips must be in it.
  wallet_currency text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE session_challenges (
  challenge text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  expires_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE ledger_accounts (
  id bigserial PRIMARY KEY,
  -- wallet:<acct>, earnings:<acct>, debt:<acct>, escrow:<site>:<handle>, stripe:clearing, platform:fees
  name text NOT NULL,
  currency text NOT NULL,
  -- A cache of the sum of this account's entries, kept in the same transaction under a row lock.
  balance bigint NOT NULL DEFAULT 0,
  UNIQUE (name, currency),
  -- Money a person holds never goes negative; debt is the only person-owned account below zero.
  CONSTRAINT holdings_not_negative CHECK (
    balance >= 0 OR name NOT SIMILAR TO '(wallet|earnings|escrow):%'
  ),
  CONSTRAINT debt_not_positive CHECK (balance <= 0 OR name NOT LIKE 'debt:%')
);

CREATE TABLE ledger_transactions (
  id text PRIMARY KEY,
  kind text NOT NULL,
  -- Who may repeat this write (e.g. tip:<acct>); the key is unique within it.
  idempotency_scope text,
  idempotency_key text,
  request_hash text,
  -- The answer given the first time, returned again on a replay with the same key and body.
  response jsonb,
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (idempotency_scope, idempotency_key)
);

CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  transaction_id text NOT NULL REFERENCES ledger_transactions (id),
  ledger_account_id bigint NOT NULL REFERENCES ledger_accounts (id),
  amount bigint NOT NULL CHECK (amount <> 0),
  currency text NOT NULL
);
CREATE INDEX ledger_entries_by_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_by_account ON ledger_entries (ledger_account_id);

-- Checked at COMMIT, after all of a transaction's entries are in: they must sum to zero per currency.
CREATE FUNCTION ledger_transaction_balances() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM ledger_entries WHERE transaction_id = NEW.transaction_id
    GROUP BY currency HAVING sum(amount) <> 0
  ) THEN
    RAISE EXCEPTION 'ledger transaction % does not sum to zero', NEW.transaction_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_sum_to_zero
  AFTER INSERT OR UPDATE ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ledger_transaction_balances();

-- A person's history, written by the ledger in the same transaction as the money moves.
CREATE TABLE activity (
  id bigserial PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  kind text NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  transaction_id text NOT NULL REFERENCES ledger_transactions (id),
  tip_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_feed ON activity (account_id, id DESC);

CREATE TABLE handle_claims (
  site text NOT NULL,
  -- Lower-cased: sites treat handles case-insensitively.
  handle text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  claimed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site, handle)
);
CREATE INDEX handle_claims_by_account ON handle_claims (account_id);

CREATE TABLE tips (
  id text PRIMARY KEY REFERENCES ledger_transactions (id),
  from_account text NOT NULL REFERENCES accounts (id),
  site text NOT NULL,
  -- As the tipper's page showed it; escrow and claims match it lower-cased.
  handle text NOT NULL,
  post_id text,
  post_url text,
  amount bigint NOT NULL,
  -- What the recipient gets after the platform fee.
  net_amount bigint NOT NULL,
  currency text NOT NULL,
  note text,
  -- Null while the tip waits in escrow for the handle to be claimed.
  recipient_account text REFERENCES accounts (id),
  returns_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tips_by_recipient ON tips (recipient_account, created_at DESC);
CREATE INDEX tips_in_escrow ON tips (site, lower(handle)) WHERE recipient_account IS NULL;
CREATE INDEX tips_by_sender ON tips (from_account) WHERE recipient_account IS NULL;

-- One row per Checkout Session; the primary key is what makes a session credit a wallet once.
CREATE TABLE topups (
  checkout_session_id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  checkout_url text,
  amount bigint NOT NULL,
  currency text NOT NULL,
  -- open → paid | failed | expired
  status text NOT NULL DEFAULT 'open',
  payment_intent text,
  transaction_id text REFERENCES ledger_transactions (id),
  refunded bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX topups_by_payment_intent ON topups (payment_intent);

CREATE TABLE disputes (
  id text PRIMARY KEY,
  checkout_session_id text NOT NULL REFERENCES topups (checkout_session_id),
  amount bigint NOT NULL,
  -- reversed while open; reinstated when won
  status text NOT NULL
);

-- Every Stripe event processed, inserted in the same transaction as its effect.
CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now()
);
