// The part of Stripe's HTTP API that Tipline uses, under /v1, as the official SDK calls it.
import { Hono, type Context } from 'hono'
import { API_VERSION, type Account } from '../account.ts'
import { PLATFORM } from '../balances.ts'
import { createSession, expireSession } from '../checkout.ts'
import { createAccount, deleteAccount, updateAccount } from '../connected-accounts.ts'
import { authenticationError, invalidRequest, StripeApiError } from '../errors.ts'
import { decodeForm } from '../form.ts'
import { idempotentPosts, type ApiEnv } from '../idempotency.ts'
import { newId } from '../ids.ts'
import { createAccountLink } from '../onboarding.ts'
import { expandPaths, optionalString, rejectUnknown } from '../params.ts'
import { createPayout } from '../payouts.ts'
import { createRefund } from '../refunds.ts'
import { expand, newestFirst, page, type Store } from '../store.ts'
import { createReversal, createTransfer } from '../transfers.ts'

const RETRIEVE_PARAMS = ['expand']
const LIST_PARAMS = ['limit', 'starting_after', 'expand']
/** The requests the stand-in makes on behalf of a connected account (the Stripe-Account header). */
const ON_BEHALF_PATHS = /^\/v1\/(balance|payouts)(\/|$)/
/** The platform's balance shows this currency before any money has moved. */
const PLATFORM_CURRENCY = 'usd'

export function stripeApi(account: Account, secretKey: string): Hono<ApiEnv> {
  const { store } = account
  const api = new Hono<ApiEnv>()

  api.use(async (c, next) => {
    c.header('Request-Id', newId('req', 14))
    c.header('Stripe-Version', c.req.header('Stripe-Version') ?? API_VERSION)
    authenticate(c.req.header('Authorization'), secretKey)
    c.set('secretKey', secretKey)
    c.set('stripeAccount', onBehalfOf(store, c.req.header('Stripe-Account'), c.req.path))
    const form = c.req.method === 'POST' ? await c.req.text() : new URL(c.req.url).search.slice(1)
    c.set('params', decodeForm(new URLSearchParams(form)))
    await next()
  })
  api.use(idempotentPosts())

  // Retrieval and lists answer with `expand[]` applied; in lists the paths start with `data.`.
  const one = (c: Context<ApiEnv>, object: object) => c.json(expand(store, object, expandPaths(c.get('params'))))
  const list = <T extends { id: string }>(c: Context<ApiEnv>, items: T[], filters: string[] = []) => {
    const params = c.get('params')
    rejectUnknown(params, [...LIST_PARAMS, ...filters])
    const paths = expandPaths(params).map((path) => path.replace(/^data\./, ''))
    const result = page(items, params, c.req.path)
    return c.json({ ...result, data: result.data.map((item) => expand(store, item, paths)) })
  }
  const retrieve = (c: Context<ApiEnv>, object: object) => {
    rejectUnknown(c.get('params'), RETRIEVE_PARAMS)
    return one(c, object)
  }

  api.post('/checkout/sessions', (c) => one(c, createSession(account, c.get('params'))))
  api.get('/checkout/sessions', (c) => list(c, newestFirst(store.sessions.values())))
  api.get('/checkout/sessions/:id', (c) => retrieve(c, store.session(c.req.param('id'))))
  api.post('/checkout/sessions/:id/expire', (c) => {
    rejectUnknown(c.get('params'), RETRIEVE_PARAMS)
    return one(c, expireSession(account, c.req.param('id')))
  })
  api.get('/checkout/sessions/:id/line_items', (c) => {
    const session = store.session(c.req.param('id'))
    return list(c, store.lineItems.get(session.id) ?? [])
  })

  api.get('/payment_intents/:id', (c) => retrieve(c, store.paymentIntent(c.req.param('id'))))
  api.get('/charges/:id', (c) => retrieve(c, store.charge(c.req.param('id'))))

  api.post('/refunds', (c) => one(c, createRefund(account, c.get('params'))))
  api.get('/refunds', (c) => list(c, newestFirst(store.refunds.values())))
  api.get('/refunds/:id', (c) => retrieve(c, store.refund(c.req.param('id'))))

  api.get('/events', (c) => {
    const type = optionalString(c.get('params'), 'type')
    const events = newestFirst(store.events.values()).filter((event) => type === undefined || event.type === type)
    return list(c, events, ['type'])
  })
  api.get('/events/:id', (c) => retrieve(c, store.event(c.req.param('id'))))

  api.post('/accounts', (c) => one(c, createAccount(account, c.get('params'))))
  api.get('/accounts', (c) => list(c, newestFirst(store.accounts.values())))
  api.get('/accounts/:id', (c) => retrieve(c, store.account(c.req.param('id'))))
  api.post('/accounts/:id', (c) => one(c, updateAccount(account, c.req.param('id'), c.get('params'))))
  api.delete('/accounts/:id', (c) => c.json(deleteAccount(account, c.req.param('id'))))
  api.post('/account_links', (c) => c.json(createAccountLink(account, c.get('params'))))

  api.post('/transfers', (c) => one(c, createTransfer(account, c.get('params'))))
  api.get('/transfers', (c) => {
    const destination = optionalString(c.get('params'), 'destination')
    const transfers = newestFirst(store.transfers.values()).filter((t) => destination === undefined || t.destination === destination)
    return list(c, transfers, ['destination'])
  })
  api.get('/transfers/:id', (c) => retrieve(c, store.transfer(c.req.param('id'))))
  api.post('/transfers/:id/reversals', (c) => one(c, createReversal(account, c.req.param('id'), c.get('params'))))
  api.get('/transfers/:id/reversals', (c) => list(c, store.transfer(c.req.param('id')).reversals.data))

  api.get('/application_fees', (c) => list(c, newestFirst(store.applicationFees.values())))
  api.get('/application_fees/:id', (c) => retrieve(c, store.applicationFee(c.req.param('id'))))

  api.get('/balance', (c) => {
    const owner = c.get('stripeAccount')
    const currency = owner === undefined ? PLATFORM_CURRENCY : store.account(owner).default_currency
    return retrieve(c, store.balances.balance(owner ?? PLATFORM, currency))
  })

  api.post('/payouts', (c) => one(c, createPayout(account, connectedOwner(c), c.get('params'))))
  api.get('/payouts', (c) => {
    const owner = connectedOwner(c)
    const payouts = newestFirst(store.payouts.values()).filter((entry) => entry.owner === owner)
    return list(c, payouts.map((entry) => entry.payout))
  })
  api.get('/payouts/:id', (c) => retrieve(c, store.payout(c.req.param('id'), connectedOwner(c))))

  api.all('*', (c) => {
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${c.req.method}: ${c.req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    })
  })
  return api
}

/**
 * The connected account a request acts for, from the Stripe-Account header; refused on requests
 * the stand-in only makes for the platform, and for accounts the platform does not have.
 */
function onBehalfOf(store: Store, header: string | undefined, path: string): string | undefined {
  if (header === undefined) return undefined
  if (!ON_BEHALF_PATHS.test(path)) {
    throw invalidRequest(`The stand-in takes the Stripe-Account header on /v1/balance and /v1/payouts only, not on ${path}.`)
  }
  if (!store.accounts.has(header)) {
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      code: 'account_invalid',
      message: `The provided key does not have access to account '${header}' (or that account does not exist).`,
    })
  }
  return header
}

/** Payouts are made on connected accounts only, so they need the Stripe-Account header. */
function connectedOwner(c: Context<ApiEnv>): string {
  const owner = c.get('stripeAccount')
  if (owner === undefined) {
    throw invalidRequest('The stand-in makes payouts on connected accounts only: pass the Stripe-Account header.')
  }
  return owner
}

/** Bearer (what the SDK sends) or HTTP Basic with the key as user name (what curl -u sends). */
function authenticate(authorization: string | undefined, secretKey: string): void {
  const presented = keyFrom(authorization)
  if (!presented) {
    throw authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    )
  }
  if (presented !== secretKey) throw authenticationError(`Invalid API Key provided: ${redacted(presented)}`)
}

function keyFrom(authorization: string | undefined): string | undefined {
  const [scheme, credentials] = authorization?.split(' ') ?? []
  if (!credentials) return undefined
  if (scheme?.toLowerCase() === 'bearer') return credentials
  if (scheme?.toLowerCase() === 'basic') return Buffer.from(credentials, 'base64').toString().split(':')[0]
  return undefined
}

function redacted(key: string): string {
  const prefix = /^(sk|rk)_(test|live)_/.exec(key)?.[0] ?? ''
  return prefix + '*'.repeat(Math.max(0, key.length - prefix.length - 4)) + key.slice(-4)
}
