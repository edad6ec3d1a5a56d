// The background's news that the cached wallet changed (a top-up landed, a tip left), for an open
// tip panel: it shows the wallet it was given with its token, not a live query of the cache. The
// news goes through storage.local, whose onChanged reaches every extension page, the panel's frame
// inside a site's tab included; Firefox delivers no runtime message to that frame.
export const WALLET_CHANGED_KEY = 'walletChangedAt'
