-- A reader's monthly tip budget. Tips past it are refused unless the tipper confirmed them
-- (overBudget); the month starts on the 1st at midnight in the reader's own time zone.
CREATE TABLE budgets (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  monthly bigint,
  currency text NOT NULL,
  time_zone text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tips_by_tipper ON tips (from_account, created_at);
