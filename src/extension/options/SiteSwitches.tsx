// Which sites show Tip buttons, and the one switch that hides them everywhere. Content scripts
// follow these live once saved: no reload.
import { SiteId } from '../../shared/api.ts'
import type { Settings } from '../../shared/settings.ts'
import { t } from '../i18n.ts'

interface Props {
  sites: Settings['sites']
  hideAll: boolean
  onSites: (sites: Settings['sites']) => void
  onHideAll: (hideAll: boolean) => void
}

export function SiteSwitches({ sites, hideAll, onSites, onHideAll }: Props) {
  return (
    <fieldset class="stack">
      <legend class="field-label">{t('settingsSitesLegend')}</legend>
      {SiteId.options.map((site) => (
        <label key={site} class="check">
          <input
            type="checkbox"
            data-testid={`settings-site-${site}`}
            checked={sites[site]}
            disabled={hideAll}
            onChange={(event) => onSites({ ...sites, [site]: event.currentTarget.checked })}
          />{' '}
          {t(`site_${site}`)}
        </label>
      ))}
      <label class="check">
        <input type="checkbox" data-testid="settings-hide-all" checked={hideAll} onChange={(event) => onHideAll(event.currentTarget.checked)} />{' '}
        {t('settingsHideAll')}
      </label>
    </fieldset>
  )
}
