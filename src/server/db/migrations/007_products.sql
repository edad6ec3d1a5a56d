-- Products a creator sells, and the orders paid for them. A purchase is a destination charge:
-- the money goes from the buyer's card to the creator's connected account at Stripe, less the
-- platform's application fee, so it never passes through the ledger; an order is its record.
CREATE TABLE products (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  title text NOT NULL,
  description text NOT NULL,
  price bigint NOT NULL CHECK (price > 0),
  currency text NOT NULL,
  -- The creator's Idempotency-Key: the same key makes the same product, however often it is sent.
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX products_by_account ON products (account_id, created_at DESC);

CREATE TABLE orders (
  -- One order per paid Checkout Session: the webhook and the return page both fulfil, the first wins.
  checkout_session_id text PRIMARY KEY,
  product_id text NOT NULL REFERENCES products (id),
  -- The seller, copied from the product so the creator's list is one index read.
  account_id text NOT NULL REFERENCES accounts (id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  application_fee bigint NOT NULL CHECK (application_fee >= 0),
  payment_intent text,
  buyer_email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_by_account ON orders (account_id, created_at DESC);
