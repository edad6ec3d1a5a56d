// Each creator's Stripe Express account: made once, onboarded on Stripe's hosted page, and its
// readiness copied from Stripe whenever Stripe says it changed.
import type Stripe from 'stripe'
import { routes } from '../../shared/api.ts'
import type { Tx } from '../db/index.ts'
import type { Services } from '../services.ts'

export interface PayoutAccountRow {
  stripeAccount: string
  detailsSubmitted: boolean
  /** Stripe pays this account out and accepts transfers to it. */
  ready: boolean
}

export async function payoutAccountOf(tx: Tx, accountId: string): Promise<PayoutAccountRow | null> {
  const { rows } = await tx.query<{ stripe_account: string; details_submitted: boolean; payouts_enabled: boolean; transfers_active: boolean }>(
    'SELECT stripe_account, details_submitted, payouts_enabled, transfers_active FROM payout_accounts WHERE account_id = $1',
    [accountId],
  )
  const row = rows[0]
  if (!row) return null
  return { stripeAccount: row.stripe_account, detailsSubmitted: row.details_submitted, ready: row.payouts_enabled && row.transfers_active }
}

/** A fresh single-use onboarding link for the creator's Express account, made first if there is none. */
export async function onboardingLink(s: Services, accountId: string): Promise<string> {
  const stripeAccount = await connectedAccount(s, accountId)
  const link = await s.stripe.accountLinks.create({
    account: stripeAccount,
    type: 'account_onboarding',
    return_url: `${s.publicUrl}${routes.payoutOnboardingDone}`,
    refresh_url: `${s.publicUrl}${routes.payoutOnboardingExpired}`,
  })
  return link.url
}

async function connectedAccount(s: Services, accountId: string): Promise<string> {
  const known = await payoutAccountOf(s.db, accountId)
  if (known) return known.stripeAccount
  // Keyed on the Tipline account, so two clicks at once, or a retry after a lost answer, make one account.
  const created = await s.stripe.accounts.create(
    { type: 'express', capabilities: { transfers: { requested: true } }, metadata: { tiplineAccount: accountId } },
    { idempotencyKey: `tipline-payout-account-${accountId}` },
  )
  await s.db.query(
    'INSERT INTO payout_accounts (account_id, stripe_account) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING',
    [accountId, created.id],
  )
  const saved = await payoutAccountOf(s.db, accountId)
  if (!saved) throw new Error(`payout account for ${accountId} vanished after insert`)
  return saved.stripeAccount
}

/** account.updated: the account as Stripe has it now (read fresh, so events arriving out of order cannot regress it). */
export async function copyReadiness(tx: Tx, account: Stripe.Account): Promise<void> {
  await tx.query(
    `UPDATE payout_accounts SET details_submitted = $2, payouts_enabled = $3, transfers_active = $4, updated_at = now()
     WHERE stripe_account = $1`,
    [account.id, account.details_submitted ?? false, account.payouts_enabled ?? false, account.capabilities?.transfers === 'active'],
  )
}
