// Content script entry: pick the adapter for this site and start Tipline on it. Kept tiny on purpose.
import { startTipline } from './start.ts'
import { x } from './sites/x.ts'
import { bluesky } from './sites/bluesky.ts'
import { mastodon } from './sites/mastodon.ts'

// Mastodon runs on any host and confirms itself by its markup, so it is asked last.
const adapter = [x, bluesky, mastodon].find((site) => site.matches(new URL(location.href)))
if (adapter) startTipline(adapter)
