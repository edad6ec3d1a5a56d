// Connected accounts: creators' Connect accounts that the platform creates, onboards through the
// hosted page, and pays out to. A new account can do nothing until onboarding fills in its
// details; every change is announced by `account.updated` with `account` set, as Stripe does.
import type { Account } from './account.ts'
import { invalidRequest } from './errors.ts'
import type { FormObject } from './form.ts'
import { newId, unixNow } from './ids.ts'
import type { ConnectedAccount } from './objects.ts'
import { accountSettings } from './account-params.ts'
import { metadata, optionalString, rejectUnknown } from './params.ts'

/** What Stripe asks an individual for before an Express account may be paid out to. */
const ONBOARDING_REQUIREMENTS = [
  'business_type',
  'external_account',
  'individual.dob.day',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
  'tos_acceptance.ip',
]

/** What a restricted account must send again by default: Stripe's most common re-verification. */
export const REVERIFICATION_REQUIREMENTS = ['individual.verification.document']

export function createAccount(account: Account, params: FormObject): ConnectedAccount {
  const settings = accountSettings(params)
  const created: ConnectedAccount = {
    id: newId('acct', 16),
    object: 'account',
    business_type: settings.businessType,
    capabilities: Object.fromEntries(settings.capabilities.map((name) => [name, 'inactive'])),
    charges_enabled: false,
    controller: settings.controller,
    country: settings.country,
    created: unixNow(),
    default_currency: settings.defaultCurrency,
    details_submitted: false,
    email: settings.email,
    metadata: settings.metadata,
    payouts_enabled: false,
    requirements: requirementsDue(ONBOARDING_REQUIREMENTS),
    type: settings.type,
  }
  account.store.accounts.set(created.id, created)
  return created
}

/** POST /v1/accounts/:id: new metadata merges in (an empty value removes a key), as at Stripe. */
export function updateAccount(account: Account, id: string, params: FormObject): ConnectedAccount {
  rejectUnknown(params, ['email', 'metadata', 'expand'])
  const updated = account.store.account(id)
  const email = optionalString(params, 'email')
  const merged = params.metadata === '' ? {} : { ...updated.metadata, ...metadata(params) }
  for (const [key, value] of Object.entries(merged)) if (value === '') delete merged[key]
  return change(account, updated, (changing) => {
    changing.metadata = merged
    if (email !== undefined) changing.email = email
  })
}

export function deleteAccount(account: Account, id: string): { id: string; object: 'account'; deleted: true } {
  account.store.account(id)
  account.store.accounts.delete(id)
  return { id, object: 'account', deleted: true }
}

/** What the hosted page's "Complete onboarding" does: test details filled in, everything enabled. */
export function completeOnboarding(account: Account, id: string): ConnectedAccount {
  return change(account, account.store.account(id), (changing) => {
    changing.details_submitted = true
    changing.charges_enabled = true
    changing.payouts_enabled = true
    changing.requirements = requirementsDue([])
    for (const name of capabilityNames(changing)) changing.capabilities[name] = 'active'
  })
}

/** Stripe asking for more: requirements past due, charges and payouts off until onboarding again. */
export function restrictAccount(account: Account, id: string, requirements: string[]): ConnectedAccount {
  return change(account, account.store.account(id), (changing) => {
    changing.charges_enabled = false
    changing.payouts_enabled = false
    changing.requirements = requirementsDue(requirements)
    for (const name of capabilityNames(changing)) changing.capabilities[name] = 'inactive'
  })
}

/** Refuses a transfer (or a destination charge) to an account whose transfers capability is not active. */
export function checkCanReceiveTransfers(destination: ConnectedAccount, param: string): void {
  if (destination.capabilities.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      param,
      'insufficient_capabilities_for_transfer',
    )
  }
}

function requirementsDue(due: string[]): ConnectedAccount['requirements'] {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: due.length > 0 ? 'requirements.past_due' : null,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  }
}

function capabilityNames(connected: ConnectedAccount): (keyof ConnectedAccount['capabilities'])[] {
  return Object.keys(connected.capabilities) as (keyof ConnectedAccount['capabilities'])[]
}

/** Applies `edit` and emits `account.updated` with the previous values of what it changed. */
function change(account: Account, connected: ConnectedAccount, edit: (changing: ConnectedAccount) => void): ConnectedAccount {
  const before = structuredClone(connected)
  edit(connected)
  const previous = Object.fromEntries(
    Object.entries(before).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(connected[key as keyof ConnectedAccount])),
  )
  if (Object.keys(previous).length > 0) account.emit('account.updated', connected, { account: connected.id, previous })
  return connected
}
