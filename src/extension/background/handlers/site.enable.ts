/// <reference types="@crxjs/vite-plugin/client" />
// The popup, after the reader granted this origin: run Tipline's content script there from now on.
import browser from 'webextension-polyfill'
// The built loader of the content script for enabled sites (the build makes its chunks loadable
// from any https page).
import contentScript from '../../content/enabled-site.ts?script'
import { enableSite } from '../site-access.ts'
import type { Handler } from './caller.ts'

export const siteEnable: Handler<'site.enable'> = ({ origin }) => {
  const listed = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? []
  return enableSite(browser, origin, contentScript, listed)
}
