// Keeps the API's selector overrides in storage.local, where content scripts read them. Fetched on
// start and every hour; when the API cannot be reached or answers with something invalid, the
// cached document stays as it was.
import browser from 'webextension-polyfill'
import { routes } from '../../shared/api.ts'
import { SITE_CONFIG_STORAGE_KEY, SiteConfig } from '../../shared/site-config.ts'
import { callApi } from './http.ts'

export const SITE_CONFIG_ALARM = 'siteConfig.refresh'
export const SITE_CONFIG_PERIOD_MINUTES = 60

export async function refreshSiteConfig(): Promise<SiteConfig> {
  // The document is public and the same for everyone: no session needed.
  const config = await callApi('GET', routes.siteConfig, SiteConfig)
  await browser.storage.local.set({ [SITE_CONFIG_STORAGE_KEY]: config })
  return config
}
