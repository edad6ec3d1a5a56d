-- A tip in one statement, where 006 took BEGIN, three calls and COMMIT. Each round trip is a
-- socket write and a wake-up of both processes; on a busy 2-core machine those were most of a
-- tip's cost. One statement is atomic on its own, so a refusal must undo the claimed idempotency
-- key: it raises SQLSTATE TL001 with the reason as its message (and what the error needs in its
-- detail), which rolls everything back; ledger/tip.ts turns it into the API's error. Called only
-- from ledger/tip.ts. Statements in a plpgsql function each take a fresh snapshot, so reads after
-- a lock see what it waited for.
DROP FUNCTION tip_open(text, text, text, text, text, text, text);
DROP FUNCTION tip_book(text, text, bigint, text, text, text, text, text, bigint, bigint, text, text, timestamptz, int, jsonb);

CREATE FUNCTION tip_post(
  p_id text, p_scope text, p_key text, p_hash text, p_from text, p_handle_lock text,
  p_site text, p_handle text, p_shown_handle text, p_post_id text, p_post_url text,
  p_amount bigint, p_fee bigint, p_currency text, p_note text, p_over_budget boolean,
  p_created_at timestamptz, p_escrow_days int, p_receipt jsonb
) RETURNS TABLE (
  -- booked | replayed | conflicted (the key's earlier request had another body)
  outcome text, receipt jsonb
) LANGUAGE plpgsql AS $$
DECLARE
  prior record;
  v_currency text;
  v_wallet_id bigint;
  v_balance bigint;
  v_debt bigint;
  v_budget record;
  v_left bigint;
  v_recipient text;
  v_credit text;
  v_credit_id bigint;
  v_fees_id bigint;
  v_receipt jsonb;
BEGIN
  -- The key is claimed first: a second request with the same key waits on the unique index until
  -- the first commits, then replays its stored receipt.
  INSERT INTO ledger_transactions (id, kind, idempotency_scope, idempotency_key, request_hash)
  VALUES (p_id, 'tip', p_scope, p_key, p_hash)
  ON CONFLICT (idempotency_scope, idempotency_key) DO NOTHING;
  IF NOT FOUND THEN
    SELECT response, request_hash INTO prior FROM ledger_transactions
    WHERE idempotency_scope = p_scope AND idempotency_key = p_key;
    RETURN QUERY SELECT CASE WHEN prior.request_hash IS DISTINCT FROM p_hash THEN 'conflicted' ELSE 'replayed' END,
      prior.response;
    RETURN;
  END IF;

  -- Tips and claims of a handle take turns (ledger/handles.ts); taken before any row lock.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_handle_lock, 0));
  SELECT a.wallet_currency INTO v_currency FROM accounts a WHERE a.id = p_from;
  IF v_currency IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'TL001', MESSAGE = 'no_wallet';
  END IF;
  IF v_currency <> p_currency THEN
    RAISE EXCEPTION USING ERRCODE = 'TL001', MESSAGE = 'currency_mismatch', DETAIL = v_currency;
  END IF;

  -- The tipper's wallet and debt rows, created if need be and locked in id order.
  INSERT INTO ledger_accounts (name, currency)
  VALUES ('wallet:' || p_from, p_currency), ('debt:' || p_from, p_currency)
  ON CONFLICT (name, currency) DO NOTHING;
  PERFORM 1 FROM ledger_accounts
  WHERE currency = p_currency AND name IN ('wallet:' || p_from, 'debt:' || p_from)
  ORDER BY id FOR UPDATE;
  SELECT w.id, w.balance, d.balance INTO v_wallet_id, v_balance, v_debt
  FROM ledger_accounts w, ledger_accounts d
  WHERE w.name = 'wallet:' || p_from AND w.currency = p_currency
    AND d.name = 'debt:' || p_from AND d.currency = p_currency;
  IF v_debt < 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'TL001', MESSAGE = 'debt';
  END IF;
  IF v_balance < p_amount THEN
    RAISE EXCEPTION USING ERRCODE = 'TL001', MESSAGE = 'insufficient';
  END IF;

  -- The monthly budget, read under the wallet lock so two tips at once cannot both fit the same
  -- remainder. The month starts on the 1st at midnight in the reader's own time zone.
  IF NOT p_over_budget THEN
    SELECT b.monthly, b.time_zone INTO v_budget FROM budgets b
    WHERE b.account_id = p_from AND b.monthly IS NOT NULL AND b.currency = p_currency;
    IF FOUND THEN
      SELECT v_budget.monthly - coalesce(sum(t.amount), 0) INTO v_left FROM tips t
      WHERE t.from_account = p_from AND t.currency = p_currency
        AND t.created_at >= date_trunc('month', now() AT TIME ZONE v_budget.time_zone) AT TIME ZONE v_budget.time_zone;
      IF p_amount > v_left THEN
        RAISE EXCEPTION USING ERRCODE = 'TL001', MESSAGE = 'over_budget', DETAIL = v_left::text;
      END IF;
    END IF;
  END IF;

  -- Booking: wallet → the handle owner's earnings (or the handle's escrow), the fee to
  -- platform:fees. The owner is read under the handle lock: a tip either lands in escrow before a
  -- claim sweeps it, or sees the claim and goes straight to earnings.
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
  FROM (VALUES (v_wallet_id, -p_amount), (v_credit_id, p_amount - p_fee), (v_fees_id, p_fee)) AS e (account, amount)
  WHERE e.amount <> 0;
  UPDATE ledger_accounts SET balance = balance - p_amount WHERE id = v_wallet_id;
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

  -- The receipt as the tipper sees it, stored for replays.
  v_receipt := p_receipt || jsonb_build_object(
    'balanceAfter', v_balance - p_amount,
    'credited', CASE WHEN v_recipient IS NULL THEN 'escrow' ELSE 'earnings' END);
  UPDATE ledger_transactions SET response = v_receipt WHERE id = p_id;
  RETURN QUERY SELECT 'booked', v_receipt;
END $$;
