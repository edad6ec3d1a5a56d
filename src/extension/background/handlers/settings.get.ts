// The reader's settings, for the options page.
import { loadSettings } from '../settings.ts'
import type { Handler } from './caller.ts'

export const settingsGet: Handler<'settings.get'> = () => loadSettings()
