-- A tip in two round trips instead of a dozen (each round trip wakes the server; on a busy
-- machine those wake-ups were most of a tip's time). Called only from ledger/tip.ts, inside its
-- transaction; the zero-sum trigger and the balance CHECKs still guard every write. Statements
-- in a plpgsql function each take a fresh snapshot, so reads after a lock see what it waited for.

-- Opens the tip: claims the tipper's idempotency key (or returns the earlier answer), takes the
-- handle's advisory lock, then creates and locks the wallet and debt rows in id order.
CREATE OR REPLACE FUNCTION tip_open(
  p_id text, p_scope text, p_key text, p_hash text, p_from text, p_handle_lock text, p_currency text
) RETURNS TABLE (
  replayed jsonb, conflicted boolean, tipper_currency text, wallet_account bigint, wallet_balance bigint, debt_balance bigint
) LANGUAGE plpgsql AS $$
DECLARE
  prior record;
  v_currency text;
BEGIN
  INSERT INTO ledger_transactions (id, kind, idempotency_scope, idempotency_key, request_hash)
  VALUES (p_id, 'tip', p_scope, p_key, p_hash)
  ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING;
  IF NOT FOUND THEN
    SELECT response, request_hash INTO prior FROM ledger_transactions
    WHERE idempotency_scope = p_scope AND idempotency_key = p_key;
    RETURN QUERY SELECT prior.response, prior.request_hash IS DISTINCT FROM p_hash, NULL::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;

  PERFORM pg_advisory_xact_lock(hashtextextended(p_handle_lock, 0));
  SELECT a.wallet_currency INTO v_currency FROM accounts a WHERE a.id = p_from;
  IF v_currency IS DISTINCT FROM p_currency THEN
    RETURN QUERY SELECT NULL::jsonb, false, v_currency, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;

  INSERT INTO ledger_accounts (name, currency)
  VALUES ('wallet:' || p_from, p_currency), ('debt:' || p_from, p_currency)
  ON CONFLICT (name, currency) DO NOTHING;
  PERFORM 1 FROM ledger_accounts
  WHERE currency = p_currency AND name IN ('wallet:' || p_from, 'debt:' || p_from)
  ORDER BY id FOR UPDATE;
  RETURN QUERY
    SELECT NULL::jsonb, false, v_currency, w.id, w.balance, d.balance
    FROM ledger_accounts w, ledger_accounts d
    WHERE w.name = 'wallet:' || p_from AND w.currency = p_currency
      AND d.name = 'debt:' || p_from AND d.currency = p_currency;
END $$;

-- Books the tip: wallet → the handle owner's earnings (or the handle's escrow), the fee to
-- platform:fees, the tip row, both sides' activity, and the receipt (p_receipt plus `credited`)
-- stored for replays. Returns who received it and the receipt as stored.
CREATE OR REPLACE FUNCTION tip_book(
  p_id text, p_from text, p_wallet bigint, p_site text, p_handle text, p_shown_handle text,
  p_post_id text, p_post_url text, p_amount bigint, p_fee bigint, p_currency text, p_note text,
  p_created_at timestamptz, p_escrow_days int, p_receipt jsonb
) RETURNS TABLE (recipient text, receipt jsonb) LANGUAGE plpgsql AS $$
DECLARE
  v_recipient text;
  v_credit text;
  v_credit_id bigint;
  v_fees_id bigint;
  v_receipt jsonb;
BEGIN
  SELECT c.account_id INTO v_recipient FROM handle_claims c WHERE c.site = p_site AND c.handle = p_handle;
  v_credit := CASE WHEN v_recipient IS NULL THEN 'escrow:' || p_site || ':' || p_handle ELSE 'earnings:' || v_recipient END;

  INSERT INTO ledger_accounts (name, currency) VALUES (v_credit, p_currency) ON CONFLICT (name, currency) DO NOTHING;
  SELECT a.id INTO v_credit_id FROM ledger_accounts a WHERE a.name = v_credit AND a.currency = p_currency FOR UPDATE;
  -- platform:fees is one row every tip would queue on: touched only when there is a fee.
  IF p_fee > 0 THEN
    INSERT INTO ledger_accounts (name, currency) VALUES ('platform:fees', p_currency) ON CONFLICT (name, currency) DO NOTHING;
    SELECT a.id INTO v_fees_id FROM ledger_accounts a WHERE a.name = 'platform:fees' AND a.currency = p_currency FOR UPDATE;
  END IF;

  INSERT INTO ledger_entries (transaction_id, ledger_account_id, amount, currency)
  SELECT p_id, e.account, e.amount, p_currency
  FROM (VALUES (p_wallet, -p_amount), (v_credit_id, p_amount - p_fee), (v_fees_id, p_fee)) AS e (account, amount)
  WHERE e.amount <> 0;
  UPDATE ledger_accounts SET balance = balance - p_amount WHERE id = p_wallet;
  UPDATE ledger_accounts SET balance = balance + p_amount - p_fee WHERE id = v_credit_id;
  IF p_fee > 0 THEN
    UPDATE ledger_accounts SET balance = balance + p_fee WHERE id = v_fees_id;
  END IF;

  INSERT INTO tips (id, from_account, site, handle, post_id, post_url, amount, net_amount, currency, note,
                    recipient_account, created_at, returns_at)
  VALUES (p_id, p_from, p_site, p_shown_handle, p_post_id, p_post_url, p_amount, p_amount - p_fee, p_currency, p_note,
          v_recipient, p_created_at, p_created_at + make_interval(days => p_escrow_days));
  INSERT INTO activity (account_id, kind, amount, currency, transaction_id, tip_id)
  SELECT a.account_id, a.kind, a.amount, p_currency, p_id, p_id
  FROM (VALUES (p_from, 'tip_sent', -p_amount), (v_recipient, 'tip_received', p_amount - p_fee)) AS a (account_id, kind, amount)
  WHERE a.account_id IS NOT NULL;

  v_receipt := p_receipt || jsonb_build_object('credited', CASE WHEN v_recipient IS NULL THEN 'escrow' ELSE 'earnings' END);
  UPDATE ledger_transactions SET response = v_receipt WHERE id = p_id;
  RETURN QUERY SELECT v_recipient, v_receipt;
END $$;
