// The site and handle a creator names when claiming: the same two fields in the verified claim
// and in the development shortcut.
import { SiteId } from '../../shared/api.ts'
import { t } from '../i18n.ts'

export interface SiteHandleFieldsProps {
  idPrefix: string
  site: SiteId
  onSite(site: SiteId): void
  handle: string
  onHandle(handle: string): void
  testIds: { site: string; handle: string }
  /** The id of the error text that describes the handle, when there is one. */
  handleProblemId?: string | undefined
}

export function SiteHandleFields({ idPrefix, site, onSite, handle, onHandle, testIds, handleProblemId }: SiteHandleFieldsProps) {
  return (
    <div class="field-row">
      <div class="field">
        <label class="field-label" for={`${idPrefix}-site`}>
          {t('claimSiteLabel')}
        </label>
        <select
          id={`${idPrefix}-site`}
          class="text-input"
          data-testid={testIds.site}
          value={site}
          onChange={(event) => onSite(SiteId.parse(event.currentTarget.value))}
        >
          {SiteId.options.map((option) => (
            <option key={option} value={option}>
              {t(`site_${option}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field-label" for={`${idPrefix}-handle`}>
          {t('claimHandleLabel')}
        </label>
        <input
          id={`${idPrefix}-handle`}
          class="text-input"
          type="text"
          autoComplete="off"
          spellcheck={false}
          data-testid={testIds.handle}
          value={handle}
          aria-invalid={handleProblemId ? true : undefined}
          aria-describedby={handleProblemId}
          onInput={(event) => onHandle(event.currentTarget.value)}
        />
      </div>
    </div>
  )
}
