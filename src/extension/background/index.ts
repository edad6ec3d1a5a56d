// The background service worker. MV3 only delivers events to listeners registered synchronously
// while the worker's script first runs, so every listener is added here, at the top level, and
// nothing waits on the network before they are.
import browser from 'webextension-polyfill'
import { onAlarm, startUp } from './alarms.ts'
import { onMessage } from './router.ts'

browser.runtime.onMessage.addListener(onMessage)
browser.alarms.onAlarm.addListener(onAlarm)
browser.runtime.onInstalled.addListener(() => void startUp())
browser.runtime.onStartup.addListener(() => void startUp())
