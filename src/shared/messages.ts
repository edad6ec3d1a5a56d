// Every message between the extension's parts, in one typed map. Callers use send(name, input);
// the background has one handler file per message (background/handlers/<name>.ts) that validates
// its input with the schema here before touching anything.
import { z } from 'zod'
import { SiteId, Handle, MinorAmount, CurrencyCode, NOTE_MAX_LENGTH, PostUrl } from './api.ts'
import type { WalletView, TipReceipt, CreatorView } from './api.ts'

/** A post as the content script read it from the page: attacker-written, so validated. */
export const PostRef = z.object({
  site: SiteId,
  handle: Handle,
  postId: z.string().max(100).nullable(),
  postUrl: PostUrl.nullable(),
  displayName: z.string().max(200).nullable(),
})
export type PostRef = z.infer<typeof PostRef>

export const inputs = {
  'panel.open': z.object({ post: PostRef }),
  'panel.claim': z.object({ token: z.string() }),
  'panel.close': z.object({ token: z.string() }),
  'tip.create': z.object({
    token: z.string(),
    amount: MinorAmount,
    currency: CurrencyCode,
    note: z.string().max(NOTE_MAX_LENGTH).nullable(),
  }),
  'wallet.get': z.void(),
  'wallet.sync': z.void(),
  'topup.start': z.object({ amount: MinorAmount, currency: CurrencyCode }),
  'creator.get': z.void(),
  'creator.claimDev': z.object({ site: SiteId, handle: Handle }),
  'posts.tipped': z.object({ site: SiteId, postIds: z.array(z.string().min(1).max(100)).max(500) }),
} as const

export interface PanelContext {
  post: PostRef
  wallet: WalletView | null
  presets: number[]
}

export interface Messages {
  /** content script → background: open a tip panel for this post; returns the one-time token. */
  'panel.open': { input: z.infer<(typeof inputs)['panel.open']>; output: { token: string } }
  /** panel page → background: redeem the token for the post it was issued for. */
  'panel.claim': { input: z.infer<(typeof inputs)['panel.claim']>; output: PanelContext }
  /** panel page → background → content script: remove the panel's iframe. */
  'panel.close': { input: z.infer<(typeof inputs)['panel.close']>; output: null }
  'tip.create': { input: z.infer<(typeof inputs)['tip.create']>; output: TipReceipt }
  'wallet.get': { input: void; output: WalletView | null }
  'wallet.sync': { input: void; output: WalletView }
  'topup.start': { input: z.infer<(typeof inputs)['topup.start']>; output: { checkoutUrl: string } }
  'creator.get': { input: void; output: CreatorView }
  'creator.claimDev': { input: z.infer<(typeof inputs)['creator.claimDev']>; output: CreatorView }
  /** content script → background: which of these posts the reader has tipped (a read of the local cache). */
  'posts.tipped': { input: z.infer<(typeof inputs)['posts.tipped']>; output: string[] }
}
export type MessageName = keyof Messages

/** Messages a content script may send; everything else must come from an extension page. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(['panel.open', 'posts.tipped'])

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
