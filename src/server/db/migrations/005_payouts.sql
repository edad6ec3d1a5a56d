-- Payouts through Stripe Connect: each creator's Express account and its readiness, and every
-- withdrawal of earnings to it.
CREATE TABLE payout_accounts (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  stripe_account text NOT NULL UNIQUE,
  -- Copied from Stripe's account on each account.updated; payouts need payouts_enabled and transfers active.
  details_submitted boolean NOT NULL DEFAULT false,
  payouts_enabled boolean NOT NULL DEFAULT false,
  transfers_active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payouts (
  -- The ledger transaction that moved earnings to stripe:clearing; also names the Stripe transfer's idempotency key.
  id text PRIMARY KEY REFERENCES ledger_transactions (id),
  account_id text NOT NULL REFERENCES accounts (id),
  stripe_account text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  -- pending → paid | failed; paid (or pending) → reversed when Stripe takes the transfer back
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'failed', 'reversed')),
  transfer_id text UNIQUE,
  -- How much of it went back to earnings (a failure or the transfer's reversals); never above amount.
  returned bigint NOT NULL DEFAULT 0 CHECK (returned >= 0 AND returned <= amount),
  failure text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payouts_by_account ON payouts (account_id, created_at DESC);
