// Every message's handler, by name: the type makes a message without a handler a compile error.
import type { MessageName } from '../../../shared/messages.ts'
import type { Handler } from './caller.ts'
import { claimsConfig } from './claims.config.ts'
import { claimsRelease } from './claims.release.ts'
import { claimsStart } from './claims.start.ts'
import { claimsVerify } from './claims.verify.ts'
import { creatorClaimDev } from './creator.claimDev.ts'
import { creatorGet } from './creator.get.ts'
import { deviceForget } from './device.forget.ts'
import { ordersList } from './orders.list.ts'
import { outboxCancel } from './outbox.cancel.ts'
import { outboxRetry } from './outbox.retry.ts'
import { panelClaim } from './panel.claim.ts'
import { panelClose } from './panel.close.ts'
import { panelContextAgain } from './panel.context.ts'
import { panelOpen } from './panel.open.ts'
import { payoutsConnect } from './payouts.connect.ts'
import { payoutsGet } from './payouts.get.ts'
import { payoutsWithdraw } from './payouts.withdraw.ts'
import { postsTipped } from './posts.tipped.ts'
import { productCheckout } from './product.checkout.ts'
import { productGet } from './product.get.ts'
import { productsCreate } from './products.create.ts'
import { productsList } from './products.list.ts'
import { selectorHealthReport } from './selectorHealth.report.ts'
import { settingsGet } from './settings.get.ts'
import { settingsUpdate } from './settings.update.ts'
import { siteDisable } from './site.disable.ts'
import { siteEnable } from './site.enable.ts'
import { tipCreate } from './tip.create.ts'
import { tipFund } from './tip.fund.ts'
import { tipStatus } from './tip.status.ts'
import { tipUndo } from './tip.undo.ts'
import { topupStart } from './topup.start.ts'
import { walletGet } from './wallet.get.ts'
import { walletSync } from './wallet.sync.ts'

export const handlers: { [N in MessageName]: Handler<N> } = {
  'panel.open': panelOpen,
  'panel.claim': panelClaim,
  'panel.close': panelClose,
  'panel.context': panelContextAgain,
  'tip.create': tipCreate,
  'tip.fund': tipFund,
  'tip.undo': tipUndo,
  'tip.status': tipStatus,
  'outbox.retry': outboxRetry,
  'outbox.cancel': outboxCancel,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'device.forget': deviceForget,
  'wallet.get': walletGet,
  'wallet.sync': walletSync,
  'topup.start': topupStart,
  'creator.get': creatorGet,
  'creator.claimDev': creatorClaimDev,
  'claims.config': claimsConfig,
  'claims.start': claimsStart,
  'claims.verify': claimsVerify,
  'claims.release': claimsRelease,
  'posts.tipped': postsTipped,
  'selectorHealth.report': selectorHealthReport,
  'payouts.get': payoutsGet,
  'payouts.connect': payoutsConnect,
  'payouts.withdraw': payoutsWithdraw,
  'site.enable': siteEnable,
  'site.disable': siteDisable,
  'product.get': productGet,
  'product.checkout': productCheckout,
  'products.list': productsList,
  'products.create': productsCreate,
  'orders.list': ordersList,
}
