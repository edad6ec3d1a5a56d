// The one way the extension's parts talk to the background: send(name, input).
import browser from 'webextension-polyfill'
import type { Envelope, MessageName, Messages, Reply, ReplyError } from '../shared/messages.ts'

export class SendError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
    this.name = 'SendError'
  }
  static from(error: ReplyError): SendError {
    return new SendError(error.code, error.message)
  }
}

export async function send<N extends MessageName>(
  name: N,
  ...input: Messages[N]['input'] extends void ? [] : [Messages[N]['input']]
): Promise<Messages[N]['output']> {
  const envelope: Envelope<N> = { tipline: name, input: input[0] as Messages[N]['input'] }
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<Messages[N]['output']> | undefined
  if (!reply) throw new SendError('no_reply', 'The Tipline background did not answer.')
  if (!reply.ok) throw SendError.from(reply.error)
  return reply.value
}
