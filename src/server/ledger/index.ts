// The one module that writes money. Everything here runs inside a caller's DB transaction.
export { LedgerError, type LedgerRefusal } from './errors.ts'
export { tip, ESCROW_DAYS } from './tip.ts'
export { claimHandle } from './claim.ts'
export { returnExpiredTips } from './expiry.ts'
export { creditWallet, takeBack, type Movement } from './funds.ts'
export { normaliseHandle } from './handles.ts'
export { balanceOf, walletOf, debtOf, earningsOf, escrowOf, CLEARING, PLATFORM_FEES } from './accounts.ts'
export { hashRequest, newId } from './post.ts'
