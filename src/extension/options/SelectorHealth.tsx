// How well Tipline still finds posts on each site: the misses content scripts reported, counted by
// the background in storage.local. A count that keeps growing means a site changed its markup.
import { useEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import type { Storage } from 'webextension-polyfill'
import type { SiteId } from '../../shared/api.ts'
import { readSelectorHealth, SELECTOR_HEALTH_STORAGE_KEY, type MissCount, type SelectorHealth as Health } from '../../shared/selector-health.ts'
import { t, uiLocale } from '../i18n.ts'
import { relativeTime } from '../ui/when.ts'

function useSelectorHealth(): Health | null {
  const [health, setHealth] = useState<Health | null>(null)
  useEffect(() => {
    void browser.storage.local.get(SELECTOR_HEALTH_STORAGE_KEY).then((stored) => setHealth(readSelectorHealth(stored[SELECTOR_HEALTH_STORAGE_KEY])))
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      const change = changes[SELECTOR_HEALTH_STORAGE_KEY]
      if (area === 'local' && change) setHealth(readSelectorHealth(change.newValue))
    }
    browser.storage.onChanged.addListener(onChanged)
    return () => browser.storage.onChanged.removeListener(onChanged)
  }, [])
  return health
}

function Miss({ label, miss }: { label: 'selectorHealthNoPosts' | 'selectorHealthNoActionBar'; miss: MissCount | undefined }) {
  if (!miss) return null
  const locale = uiLocale()
  return (
    <li>
      {t(label, new Intl.NumberFormat(locale).format(miss.count))}{' '}
      <span class="muted">{t('selectorHealthLast', miss.lastPath, relativeTime(miss.lastAt, Date.now(), locale))}</span>
    </li>
  )
}

export function SelectorHealth() {
  const health = useSelectorHealth()
  const sites = health ? (Object.keys(health) as SiteId[]) : []
  return (
    <section class="stack" aria-labelledby="selector-health-heading" data-testid="selector-health">
      <h2 id="selector-health-heading">{t('selectorHealthHeading')}</h2>
      {health && sites.length === 0 && <p class="muted">{t('selectorHealthEmpty')}</p>}
      {sites.map((site) => (
        <div key={site} data-testid={`selector-health-${site}`}>
          <h3>{t(`site_${site}`)}</h3>
          <ul class="plain-list">
            <Miss label="selectorHealthNoPosts" miss={health?.[site]?.no_posts} />
            <Miss label="selectorHealthNoActionBar" miss={health?.[site]?.no_action_bar} />
          </ul>
        </div>
      ))}
    </section>
  )
}
