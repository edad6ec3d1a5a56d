// Every message's handler, by name: the type makes a message without a handler a compile error.
import type { MessageName } from '../../../shared/messages.ts'
import type { Handler } from './caller.ts'
import { creatorClaimDev } from './creator.claimDev.ts'
import { creatorGet } from './creator.get.ts'
import { panelClaim } from './panel.claim.ts'
import { panelClose } from './panel.close.ts'
import { panelOpen } from './panel.open.ts'
import { postsTipped } from './posts.tipped.ts'
import { tipCreate } from './tip.create.ts'
import { topupStart } from './topup.start.ts'
import { walletGet } from './wallet.get.ts'
import { walletSync } from './wallet.sync.ts'

export const handlers: { [N in MessageName]: Handler<N> } = {
  'panel.open': panelOpen,
  'panel.claim': panelClaim,
  'panel.close': panelClose,
  'tip.create': tipCreate,
  'wallet.get': walletGet,
  'wallet.sync': walletSync,
  'topup.start': topupStart,
  'creator.get': creatorGet,
  'creator.claimDev': creatorClaimDev,
  'posts.tipped': postsTipped,
}
