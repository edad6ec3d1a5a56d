// Sign out: this device forgets its session, its key, its queued tips and everything cached for
// the account. The next action registers a new one.
import { signOut } from '../session.ts'
import type { Handler } from './caller.ts'

export const deviceForget: Handler<'device.forget'> = async () => {
  await signOut()
  return null
}
