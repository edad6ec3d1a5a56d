// Selector overrides published by the API, so a site's redesign can be answered without a release.
// They are data, never code: every value is a CSS selector string that only ever reaches
// querySelector/closest. The background checks the shape here; the content script, which has a
// DOM to parse with, drops a site's overrides if any of its selectors does not parse.
import { z } from 'zod'
import { SiteId } from './api.ts'

export const SITE_CONFIG_STORAGE_KEY = 'siteConfig'

/** A selector never needs braces, semicolons, "<" or control characters: those start CSS rules or markup. */
const CssSelector = z.string().min(1).max(500).regex(/^[^{};<\u0000-\u001f\u007f]+$/, 'not a CSS selector')

export const SiteSelectors = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/), CssSelector)

export const SiteConfig = z.object({
  /** Raised with every change, so a client can tell which document it runs. */
  version: z.number().int().nonnegative(),
  sites: z.partialRecord(SiteId, SiteSelectors),
})
export type SiteConfig = z.infer<typeof SiteConfig>

export const NO_OVERRIDES: SiteConfig = { version: 0, sites: {} }
