// The payments API's HTTP contract: one zod schema per request and response body, shared by
// the server (which validates what arrives) and the extension's API client (which validates
// what comes back). Paths live here too, so neither side spells a route by hand.
import { z } from 'zod'
import { isSupportedCurrency } from './currencies.ts'

export const API_PREFIX = '/v1'

export const SiteId = z.enum(['x', 'bluesky', 'mastodon'])
export type SiteId = z.infer<typeof SiteId>

/** A handle as the site shows it, without the leading @ (Mastodon keeps user@domain). */
export const Handle = z
  .string()
  .trim()
  .min(1)
  .max(320)
  .regex(/^[A-Za-z0-9_.\-@]+$/, 'handle may contain letters, digits, _ . - and @ only')
export const CurrencyCode = z
  .string()
  .refine(isSupportedCurrency, 'currency must be a supported ISO 4217 code in capitals, such as USD')
/** Integer minor units: cents for USD, yen for JPY, fils for KWD. */
export const MinorAmount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
/** A link to a post: attacker-written, so only http(s) links are links. */
export const PostUrl = z.url({ protocol: /^https?$/ }).max(2048)
export const IdempotencyKey = z.string().min(8).max(255)
export const IDEMPOTENCY_HEADER = 'Idempotency-Key'

// ── identity ──────────────────────────────────────────────────────────────
export const RegisterRequest = z.object({
  /** ECDSA P-256 public key as a JWK. */
  publicKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
})
export const RegisterResponse = z.object({ accountId: z.string() })

export const ChallengeRequest = z.object({ accountId: z.string() })
export const ChallengeResponse = z.object({ challenge: z.string(), expiresAt: z.string() })

export const SessionRequest = z.object({
  accountId: z.string(),
  challenge: z.string(),
  /** base64url of the raw (IEEE P1363) ECDSA SHA-256 signature over the challenge's UTF-8 bytes. */
  signature: z.string(),
})
export const SessionResponse = z.object({ token: z.string(), expiresAt: z.string() })

// ── wallet ────────────────────────────────────────────────────────────────
export const EscrowedTip = z.object({
  site: SiteId,
  handle: z.string(),
  amount: z.number().int(),
  currency: CurrencyCode,
  returnsAt: z.string(),
})
export const WalletView = z.object({
  accountId: z.string(),
  /** null until the first top-up picks the wallet's currency. */
  currency: CurrencyCode.nullable(),
  balance: z.number().int(),
  debt: z.number().int(),
  escrowed: z.array(EscrowedTip),
})
export type WalletView = z.infer<typeof WalletView>

export const ActivityKind = z.enum(['topup', 'tip_sent', 'tip_received', 'refund', 'dispute', 'payout'])
export const ActivityItem = z.object({
  id: z.string(),
  kind: ActivityKind,
  amount: z.number().int(),
  currency: CurrencyCode,
  at: z.string(),
  site: SiteId.nullable(),
  handle: z.string().nullable(),
  postId: z.string().nullable(),
  postUrl: z.string().nullable(),
  note: z.string().nullable(),
})
export type ActivityItem = z.infer<typeof ActivityItem>
export const ActivityPage = z.object({ items: z.array(ActivityItem), nextCursor: z.string().nullable() })

// ── tips ──────────────────────────────────────────────────────────────────
export const NOTE_MAX_LENGTH = 280
export const TipRequest = z.object({
  site: SiteId,
  handle: Handle,
  postId: z.string().max(100).nullable(),
  postUrl: PostUrl.nullable(),
  amount: MinorAmount,
  currency: CurrencyCode,
  note: z.string().max(NOTE_MAX_LENGTH).nullable(),
  /** The tipper was told this tip passes their monthly budget and chose to send it anyway. */
  overBudget: z.boolean().optional(),
})
export type TipRequest = z.infer<typeof TipRequest>
export const TipReceipt = z.object({
  id: z.string(),
  site: SiteId,
  handle: z.string(),
  postId: z.string().nullable(),
  amount: z.number().int(),
  currency: CurrencyCode,
  /** 'earnings' when the handle is claimed, 'escrow' until someone claims it. */
  credited: z.enum(['earnings', 'escrow']),
  balanceAfter: z.number().int(),
  createdAt: z.string(),
})
export type TipReceipt = z.infer<typeof TipReceipt>

// ── top-ups ───────────────────────────────────────────────────────────────
export const TopupRequest = z.object({ amount: MinorAmount, currency: CurrencyCode })
export type TopupRequest = z.infer<typeof TopupRequest>
export const TopupResponse = z.object({ checkoutSessionId: z.string(), checkoutUrl: z.url({ protocol: /^https?$/ }) })

// ── budget ────────────────────────────────────────────────────────────────
/** A monthly limit on tips (null: none), reset on the 1st at midnight in the reader's time zone. */
export const BudgetRequest = z.object({
  monthly: MinorAmount.nullable(),
  currency: CurrencyCode,
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'timeZone must be an IANA time zone such as Europe/Paris'),
})
export type BudgetRequest = z.infer<typeof BudgetRequest>

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

// ── creator ───────────────────────────────────────────────────────────────
export const ClaimRequest = z.object({ site: SiteId, handle: Handle })
export const ClaimedHandle = z.object({ site: SiteId, handle: z.string(), claimedAt: z.string() })
export const ReceivedTip = z.object({
  id: z.string(),
  site: SiteId,
  handle: z.string(),
  postId: z.string().nullable(),
  postUrl: z.string().nullable(),
  amount: z.number().int(),
  currency: CurrencyCode,
  note: z.string().nullable(),
  from: z.string(),
  at: z.string(),
})
export type ReceivedTip = z.infer<typeof ReceivedTip>
export const CreatorView = z.object({
  handles: z.array(ClaimedHandle),
  earnings: z.array(z.object({ currency: CurrencyCode, amount: z.number().int() })),
  tips: z.array(ReceivedTip),
})
export type CreatorView = z.infer<typeof CreatorView>
/** Every tip a creator received, newest first, a page at a time (the creator view keeps only the latest). */
export const ReceivedTipsPage = z.object({ items: z.array(ReceivedTip), nextCursor: z.string().nullable() })
export type ReceivedTipsPage = z.infer<typeof ReceivedTipsPage>

// ── claims ────────────────────────────────────────────────────────────────
/** A claim under way: the one-time code the creator posts publicly (in a post or the profile bio). */
export const ClaimStarted = z.object({ site: SiteId, handle: z.string(), code: z.string(), expiresAt: z.string() })
export type ClaimStarted = z.infer<typeof ClaimStarted>
/** proofUrl: the post carrying the code; without it the profile's bio is checked (X has no public bio lookup). */
export const ClaimVerifyRequest = z.object({ site: SiteId, handle: Handle, proofUrl: PostUrl.optional() })
export type ClaimVerifyRequest = z.infer<typeof ClaimVerifyRequest>
/** What this API offers for claims: whether it takes the development shortcut. */
export const ClaimsConfig = z.object({ devClaims: z.boolean() })

// ── payouts ───────────────────────────────────────────────────────────────
/** Whether the creator's Stripe Express account can be paid: false everywhere until they connect one. */
export const PayoutAccount = z.object({
  connected: z.boolean(),
  detailsSubmitted: z.boolean(),
  payoutsEnabled: z.boolean(),
})
export type PayoutAccount = z.infer<typeof PayoutAccount>
/** Earnings that can be withdrawn in one currency, and the smallest withdrawal it allows. */
export const PayoutBalance = z.object({ currency: CurrencyCode, available: z.number().int(), minimum: z.number().int() })
export type PayoutBalance = z.infer<typeof PayoutBalance>
/** pending: out of earnings, transfer not confirmed yet; failed and reversed: the money is back in earnings. */
export const PayoutStatus = z.enum(['pending', 'paid', 'failed', 'reversed'])
export type PayoutStatus = z.infer<typeof PayoutStatus>
export const Payout = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: CurrencyCode,
  status: PayoutStatus,
  /** Why Stripe refused or took back the transfer, in Stripe's words; null otherwise. */
  failure: z.string().nullable(),
  createdAt: z.string(),
})
export type Payout = z.infer<typeof Payout>
export const PayoutsView = z.object({ account: PayoutAccount, balances: z.array(PayoutBalance), payouts: z.array(Payout) })
export type PayoutsView = z.infer<typeof PayoutsView>
/** Withdraw `amount`, or everything available in `currency` when it is left out. */
export const PayoutRequest = z.object({ currency: CurrencyCode, amount: MinorAmount.optional() })
export type PayoutRequest = z.infer<typeof PayoutRequest>
/** Stripe's hosted onboarding for the creator's Express account; single use, expires in minutes. */
export const PayoutOnboarding = z.object({ onboardingUrl: z.url({ protocol: /^https?$/ }) })

// ── products ──────────────────────────────────────────────────────────────
export const PRODUCT_TITLE_MAX = 120
export const PRODUCT_DESCRIPTION_MAX = 2000
/** Something a creator sells: its price in minor units, paid through its public page or a Pay button. */
export const ProductRequest = z.object({
  title: z.string().trim().min(1).max(PRODUCT_TITLE_MAX),
  price: MinorAmount,
  currency: CurrencyCode,
  description: z.string().trim().max(PRODUCT_DESCRIPTION_MAX),
})
export type ProductRequest = z.infer<typeof ProductRequest>
export const Product = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  price: z.number().int(),
  currency: CurrencyCode,
  /** The public page anyone can open and pay on, without the extension. */
  pageUrl: z.string(),
  createdAt: z.string(),
})
export type Product = z.infer<typeof Product>
export const ProductCheckout = z.object({ checkoutSessionId: z.string(), checkoutUrl: z.url({ protocol: /^https?$/ }) })
export type ProductCheckout = z.infer<typeof ProductCheckout>
/** How the buyer pays: on Stripe's hosted page (the default, a body-less request) or in embedded Checkout on the product's page. */
export const ProductCheckoutRequest = z.object({ ui: z.enum(['hosted', 'embedded']).default('hosted') })
export type ProductCheckoutRequest = z.infer<typeof ProductCheckoutRequest>
/** An embedded checkout: Stripe.js mounts it with the client secret. */
export const EmbeddedProductCheckout = z.object({ checkoutSessionId: z.string(), clientSecret: z.string() })
export type EmbeddedProductCheckout = z.infer<typeof EmbeddedProductCheckout>
/** A paid purchase of one of the creator's products; amount is what the buyer paid, fee the platform's part. */
export const Order = z.object({
  id: z.string(),
  productId: z.string(),
  title: z.string(),
  amount: z.number().int(),
  fee: z.number().int(),
  currency: CurrencyCode,
  at: z.string(),
})
export type Order = z.infer<typeof Order>

// ── errors ────────────────────────────────────────────────────────────────
export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
})
export type ApiError = z.infer<typeof ApiError>

/** Every route, in one place. */
export const routes = {
  accounts: `${API_PREFIX}/accounts`,
  challenge: `${API_PREFIX}/sessions/challenge`,
  sessions: `${API_PREFIX}/sessions`,
  wallet: `${API_PREFIX}/wallet`,
  activity: `${API_PREFIX}/activity`,
  tips: `${API_PREFIX}/tips`,
  budget: `${API_PREFIX}/budget`,
  tip: (id: string) => `${API_PREFIX}/tips/${encodeURIComponent(id)}`,
  topups: `${API_PREFIX}/topups`,
  topupReturn: `${API_PREFIX}/topups/return`,
  stripeWebhook: `${API_PREFIX}/webhooks/stripe`,
  creator: `${API_PREFIX}/creator`,
  creatorTips: `${API_PREFIX}/creator/tips`,
  devClaim: `${API_PREFIX}/dev/claims`,
  claims: `${API_PREFIX}/claims`,
  claimsVerify: `${API_PREFIX}/claims/verify`,
  claimsRelease: `${API_PREFIX}/claims/release`,
  claimsConfig: `${API_PREFIX}/claims/config`,
  siteConfig: `${API_PREFIX}/site-config`,
  payouts: `${API_PREFIX}/payouts`,
  payoutAccount: `${API_PREFIX}/payouts/account`,
  /** Where Stripe's onboarding sends the creator back: return_url and refresh_url. */
  payoutOnboardingDone: `${API_PREFIX}/payouts/account/done`,
  payoutOnboardingExpired: `${API_PREFIX}/payouts/account/expired`,
  stripeConnectWebhook: `${API_PREFIX}/webhooks/stripe-connect`,
  products: `${API_PREFIX}/products`,
  product: (id: string) => `${API_PREFIX}/products/${encodeURIComponent(id)}`,
  productCheckout: (id: string) => `${API_PREFIX}/products/${encodeURIComponent(id)}/checkout`,
  orders: `${API_PREFIX}/orders`,
  /** A product's public page, and where its Checkout sends the buyer back. */
  productPage: (id: string) => `/p/${encodeURIComponent(id)}`,
  productPaid: (id: string) => `/p/${encodeURIComponent(id)}/paid`,
  health: '/health',
  ready: '/ready',
} as const
