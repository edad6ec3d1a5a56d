// What each alarm does. Alarms outlive the worker: they are how retries and periodic sync happen
// when nothing else wakes it.
import browser from 'webextension-polyfill'
import type { Alarms } from 'webextension-polyfill'
import { OUTBOX_ALARM, deliverDue } from './outbox.ts'
import { SITE_CONFIG_ALARM, SITE_CONFIG_PERIOD_MINUTES, refreshSiteConfig } from './site-config.ts'
import { SYNC_ALARM, SYNC_PERIOD_MINUTES, syncAll } from './sync.ts'
import { TOPUP_ALARM, pollTopup } from './topup-watch.ts'

export function onAlarm(alarm: Alarms.Alarm): void {
  const work = alarmWork[alarm.name]
  if (work) work().catch(logFailure(`alarm ${alarm.name}`))
}

const alarmWork: Record<string, () => Promise<unknown>> = {
  [SYNC_ALARM]: syncAll,
  [OUTBOX_ALARM]: deliverDue,
  [TOPUP_ALARM]: pollTopup,
  [SITE_CONFIG_ALARM]: refreshSiteConfig,
}

/** On install and on browser start: the periodic sync, a first sync, any tips left waiting, and the site selectors. Never rejects. */
export async function startUp(): Promise<void> {
  await Promise.all([
    browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES }).catch(logFailure('scheduling sync')),
    syncAll().catch(logFailure('first sync')),
    deliverDue().catch(logFailure('delivering waiting tips')),
    browser.alarms.create(SITE_CONFIG_ALARM, { periodInMinutes: SITE_CONFIG_PERIOD_MINUTES }).catch(logFailure('scheduling site selectors')),
    refreshSiteConfig().catch(logFailure('fetching site selectors')),
  ])
}

function logFailure(what: string): (error: unknown) => void {
  return (error) => console.warn(`Tipline: ${what} failed`, error)
}
