// "Enable on this site": over an https site Tipline does not run on (a Mastodon instance beyond the
// ones the manifest lists), the popup offers to run there. The browser asks the reader for that
// origin first; then the background registers the content script, and the page needs a reload.
// A site enabled this way can be turned off here again. Sites the manifest lists show nothing.
import { useEffect, useState } from 'preact/hooks'
import browser from 'webextension-polyfill'
import { t } from '../i18n.ts'
import { send } from '../send.ts'
import { Button } from '../ui/Button.tsx'
import { errorCode } from '../ui/send-error.ts'
import { errorWords } from '../ui/words.ts'
import { findThisSite, isEnabled, type ThisSite } from './this-site.ts'

/** Whether Tipline runs on the site now, and the latest thing the reader should hear about it. */
interface Access {
  on: boolean
  news: 'asking' | 'enabled' | 'refused' | 'turningOff' | 'off' | { problem: string } | null
}

export function SiteAccess() {
  const [site, setSite] = useState<ThisSite | null>(null)
  const [access, setAccess] = useState<Access>({ on: false, news: null })

  useEffect(() => {
    findThisSite()
      .then(async (found) => {
        if (!found) return
        setAccess({ on: await isEnabled(found), news: null })
        setSite(found)
      })
      .catch((error: unknown) => console.warn('Tipline: could not tell which site the popup is over', error))
  }, [])

  if (!site) return null

  const enable = () => {
    setAccess({ on: false, news: 'asking' })
    // Asked at once, inside the click: the browser prompts only while the reader's gesture lasts.
    browser.permissions.request({ origins: [site.pattern] }).then(
      async (granted) => {
        if (!granted) return setAccess({ on: false, news: 'refused' })
        try {
          await send('site.enable', { origin: site.origin })
          setAccess({ on: true, news: 'enabled' })
        } catch (error) {
          setAccess({ on: false, news: { problem: errorCode(error) } })
        }
      },
      // The browser refuses outright an origin the manifest does not let Tipline ask for.
      () => setAccess({ on: false, news: 'refused' }),
    )
  }

  const turnOff = () => {
    setAccess({ on: true, news: 'turningOff' })
    send('site.disable', { origin: site.origin }).then(
      () => setAccess({ on: false, news: 'off' }),
      (error: unknown) => setAccess({ on: true, news: { problem: errorCode(error) } }),
    )
  }

  /** The page keeps what its script did until it loads again; the popup has done its part then. */
  const reload = () => {
    browser.tabs.reload(site.tabId).then(
      () => window.close(),
      (error: unknown) => console.warn('Tipline: could not reload the page', error),
    )
  }

  const { on, news } = access
  const busy = news === 'asking' || news === 'turningOff'
  return (
    <section class="site-access stack" aria-labelledby="site-access-line" data-testid="site-access">
      <p id="site-access-line">{on ? t('siteOn', site.host) : t('siteOffer', site.host)}</p>
      <div class="field-row">
        {on ? (
          <Button variant="quiet" aria-label={t('siteTurnOffLabel', site.host)} disabled={busy} data-testid="site-turn-off" onClick={turnOff}>
            {t('siteTurnOff')}
          </Button>
        ) : (
          <Button variant="primary" aria-label={t('siteEnableLabel', site.host)} disabled={busy} data-testid="site-enable" onClick={enable}>
            {t('siteEnable')}
          </Button>
        )}
        {(news === 'enabled' || news === 'off') && (
          <Button variant="quiet" data-testid="site-reload" onClick={reload}>
            {t('siteReload')}
          </Button>
        )}
      </div>
      <div role="status" data-testid="site-access-status">
        {news === 'asking' && <p>{t('siteAsking', site.host)}</p>}
        {news === 'enabled' && <p>{t('siteEnabled')}</p>}
        {news === 'refused' && <p>{t('siteRefused', site.host)}</p>}
        {news === 'off' && <p>{t('siteOff')}</p>}
        {typeof news === 'object' && news !== null && <p>{errorWords(news.problem)}</p>}
      </div>
    </section>
  )
}
