// Every message between the extension's parts, in one typed map. Callers use send(name, input);
// the background has one handler file per message (background/handlers/<name>.ts) that validates
// its input with the schema here before touching anything.
import { z } from 'zod'
import { SiteId, Handle, MinorAmount, CurrencyCode, NOTE_MAX_LENGTH, PostUrl, IdempotencyKey } from './api.ts'
import type { WalletView, CreatorView, Payout, PayoutsView } from './api.ts'
import type { ClaimStarted } from './api.ts'
import { ProductRequest, type Order, type Product } from './api.ts'
import { SelectorMissReport } from './selector-health.ts'
import { SettingsUpdate, type Settings } from './settings.ts'
import { EXCERPT_MAX_LENGTH, languageTag } from './post-excerpt.ts'

/** A post as the content script read it from the page: attacker-written, so validated. */
export const PostRef = z.object({
  site: SiteId,
  handle: Handle,
  postId: z.string().max(100).nullable(),
  postUrl: PostUrl.nullable(),
  displayName: z.string().max(200).nullable(),
  /** The post's first words and their language, for the panel; read when the reader opens it, and only for a post. */
  excerpt: z
    .object({
      text: z.string().min(1).max(EXCERPT_MAX_LENGTH),
      lang: z.string().refine((tag) => languageTag(tag) === tag).nullable(),
    })
    .optional(),
})
export type PostRef = z.infer<typeof PostRef>

/** A product's id as it appears in a /p/<id> link on a page: attacker-written, so validated. */
export const ProductId = z.string().regex(/^prd_[A-Za-z0-9_-]{1,64}$/)

/** What the panel confirms: the tip for the post its token was issued for. */
const PanelTip = z.object({
  token: z.string(),
  /** Made once per confirmation by the panel, so a double click or a resend is still one tip. */
  key: IdempotencyKey,
  amount: MinorAmount,
  currency: CurrencyCode,
  note: z.string().max(NOTE_MAX_LENGTH).nullable(),
  /** The reader was told this tip passes their monthly budget and chose to send it anyway. */
  overBudget: z.boolean(),
})
export type PanelTip = z.infer<typeof PanelTip>

export const inputs = {
  'panel.open': z.object({ post: PostRef }),
  'panel.claim': z.object({ token: z.string() }),
  'panel.context': z.object({ token: z.string() }),
  'panel.close': z.object({ token: z.string() }),
  'tip.create': PanelTip,
  'tip.fund': PanelTip.extend({
    /** What the checkout adds: the shortfall, at least the currency's smallest top-up. */
    topup: MinorAmount,
  }),
  'tip.undo': z.object({ id: z.string() }),
  'tip.status': z.object({ id: z.string() }),
  'outbox.retry': z.object({ id: z.string() }),
  'outbox.cancel': z.object({ id: z.string() }),
  'settings.get': z.void(),
  'settings.update': SettingsUpdate,
  'device.forget': z.void(),
  'wallet.get': z.void(),
  'wallet.sync': z.void(),
  'topup.start': z.object({ amount: MinorAmount, currency: CurrencyCode }),
  'creator.get': z.void(),
  'creator.claimDev': z.object({ site: SiteId, handle: Handle }),
  'claims.config': z.void(),
  'claims.start': z.object({ site: SiteId, handle: Handle }),
  'claims.verify': z.object({ site: SiteId, handle: Handle, proofUrl: PostUrl.optional() }),
  'claims.release': z.object({ site: SiteId, handle: Handle }),
  'posts.tipped': z.object({ site: SiteId, postIds: z.array(z.string().min(1).max(100)).max(500) }),
  'selectorHealth.report': SelectorMissReport,
  'site.enable': z.object({ origin: z.string().max(300) }),
  'site.disable': z.object({ origin: z.string().max(300) }),
  'payouts.get': z.void(),
  'payouts.connect': z.void(),
  'payouts.withdraw': z.object({ currency: CurrencyCode }),
  'product.get': z.object({ productId: ProductId }),
  'product.checkout': z.object({ productId: ProductId }),
  'products.list': z.void(),
  'products.create': ProductRequest.extend({ key: IdempotencyKey }),
  'orders.list': z.void(),
} as const

/** The monthly budget as the panel needs it: limits in the wallet currency, and what this month already took. */
export interface BudgetView {
  monthly: number | null
  confirmAbove: number | null
  spentThisMonth: number
}

export interface PanelContext {
  post: PostRef
  wallet: WalletView | null
  presets: number[]
  budget: BudgetView
}

/** A confirmed tip, held in the outbox until holdUntil so the reader can still undo it. */
export interface HeldTip {
  id: string
  holdUntil: number
}

/** Where a confirmed tip is now; cancelled once it has left the outbox without being delivered. */
export interface TipStatus {
  state: 'held' | 'awaiting_funds' | 'queued' | 'sending' | 'failed' | 'delivered' | 'cancelled'
  error: ReplyError | null
}

export interface Messages {
  /** content script → background: open a tip panel for this post; returns the one-time token. */
  'panel.open': { input: z.infer<(typeof inputs)['panel.open']>; output: { token: string } }
  /** panel page → background: redeem the token for the post it was issued for. */
  'panel.claim': { input: z.infer<(typeof inputs)['panel.claim']>; output: PanelContext }
  /** panel page → background: what to show again, with its claimed token, once the wallet has changed. */
  'panel.context': { input: z.infer<(typeof inputs)['panel.context']>; output: PanelContext }
  /** panel page → background → content script: remove the panel's iframe. */
  'panel.close': { input: z.infer<(typeof inputs)['panel.close']>; output: null }
  /** panel → background: hold the tip for undo, then deliver it; the panel follows it in the outbox. */
  'tip.create': { input: z.infer<(typeof inputs)['tip.create']>; output: HeldTip }
  /** panel → background: top up and tip: one checkout for the shortfall; the tip waits in the outbox and goes when the money lands. */
  'tip.fund': { input: z.infer<(typeof inputs)['tip.fund']>; output: { id: string; checkoutUrl: string } }
  /** panel → background: where the tip is now; a held tip whose undo window is over is sent first. */
  'tip.status': { input: z.infer<(typeof inputs)['tip.status']>; output: TipStatus }
  /** Cancels a tip while it is still held. */
  'tip.undo': { input: z.infer<(typeof inputs)['tip.undo']>; output: null }
  /** Sends a queued or failed tip now. */
  'outbox.retry': { input: z.infer<(typeof inputs)['outbox.retry']>; output: null }
  /** Drops a tip that is not delivered and not in flight. */
  'outbox.cancel': { input: z.infer<(typeof inputs)['outbox.cancel']>; output: null }
  'settings.get': { input: void; output: Settings }
  'settings.update': { input: z.infer<(typeof inputs)['settings.update']>; output: Settings }
  /** Sign out: forget this device's key and everything cached for its account. */
  'device.forget': { input: void; output: null }
  'wallet.get': { input: void; output: WalletView | null }
  'wallet.sync': { input: void; output: WalletView }
  'topup.start': { input: z.infer<(typeof inputs)['topup.start']>; output: { checkoutUrl: string } }
  'creator.get': { input: void; output: CreatorView }
  'creator.claimDev': { input: z.infer<(typeof inputs)['creator.claimDev']>; output: CreatorView }
  /** options → background: whether the API takes the development claim shortcut. */
  'claims.config': { input: void; output: { devClaims: boolean } }
  /** options → background: a one-time code for the creator to post publicly. */
  'claims.start': { input: z.infer<(typeof inputs)['claims.start']>; output: ClaimStarted }
  /** options → background: the API checks the posted code; the handle and its escrow become the creator's. */
  'claims.verify': { input: z.infer<(typeof inputs)['claims.verify']>; output: CreatorView }
  /** options → background: the handle stops being the creator's. */
  'claims.release': { input: z.infer<(typeof inputs)['claims.release']>; output: CreatorView }
  /** content script → background: which of these posts the reader has tipped (a read of the local cache). */
  'posts.tipped': { input: z.infer<(typeof inputs)['posts.tipped']>; output: string[] }
  /** content script → background: this site's selectors missed on a page; counted for the options page. */
  'selectorHealth.report': { input: z.infer<(typeof inputs)['selectorHealth.report']>; output: null }
  /** popup → background: run Tipline on this granted https origin (a Mastodon instance the manifest does not list). */
  'site.enable': { input: z.infer<(typeof inputs)['site.enable']>; output: { origin: string; registered: boolean } }
  /** popup → background: stop running Tipline on an origin the reader enabled, and give its permission back. */
  'site.disable': { input: z.infer<(typeof inputs)['site.disable']>; output: { origin: string; unregistered: boolean; released: boolean } }
  /** options → background: the creator's payout account, withdrawable earnings and payouts, fresh from the API. */
  'payouts.get': { input: void; output: PayoutsView }
  /** options → background: opens Stripe's hosted onboarding for the creator's payout account in a new tab. */
  'payouts.connect': { input: void; output: { onboardingUrl: string } }
  /** options → background: withdraws all earnings in this currency (one idempotency key per attempt). */
  'payouts.withdraw': { input: z.infer<(typeof inputs)['payouts.withdraw']>; output: Payout }
  /** content script → background: what a linked product costs, for its Pay button. */
  /** content script → background: what a Pay button says, its price already written the way the reader's browser writes money. */
  'product.get': { input: z.infer<(typeof inputs)['product.get']>; output: { title: string; price: string } }
  /** content script → background: opens the product's hosted checkout in a new tab. */
  'product.checkout': { input: z.infer<(typeof inputs)['product.checkout']>; output: { checkoutUrl: string } }
  /** options → background: the creator's products, fresh from the API. */
  'products.list': { input: void; output: Product[] }
  /** options → background: a new product (one idempotency key per submitted form). */
  'products.create': { input: z.infer<(typeof inputs)['products.create']>; output: Product }
  /** options → background: paid orders of the creator's products, newest first. */
  'orders.list': { input: void; output: Order[] }
}
export type MessageName = keyof Messages

/** Messages a content script may send; everything else must come from an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set([
  'panel.open',
  'posts.tipped',
  'selectorHealth.report',
  'product.get',
  'product.checkout',
])

/** Background → content script (tabs.sendMessage). */
export type ContentCommand =
  | { type: 'panel.remove'; token: string }
  /** A tip for this post was delivered: its button shows it as tipped. */
  | { type: 'post.tipped'; site: SiteId; postId: string }

export interface Envelope<N extends MessageName = MessageName> {
  tipline: N
  input: Messages[N]['input']
}
export interface ReplyError {
  code: string
  message: string
}
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError }
