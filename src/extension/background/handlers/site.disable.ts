// The popup's "Turn off" on a site the reader enabled: the content script stops being registered
// there and Tipline gives the origin's permission back. A permission the manifest itself requires
// cannot be given back (the browser refuses), so only the registration goes then.
import browser from 'webextension-polyfill'
import { originPattern, registrationId } from '../site-access.ts'
import type { Handler } from './caller.ts'

export const siteDisable: Handler<'site.disable'> = async ({ origin }) => {
  const pattern = originPattern(origin)
  const id = registrationId(origin)
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] })
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] })
  const required = browser.runtime.getManifest().host_permissions?.includes(pattern) ?? false
  const released = !required && (await browser.permissions.remove({ origins: [pattern] }))
  return { origin, unregistered: registered.length > 0, released }
}
