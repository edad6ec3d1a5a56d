// `npm run api`: the payments API configured from the environment, stopped cleanly on SIGINT/SIGTERM.
import { ConfigError, configFromEnv, startApi } from './index.ts'

let config
try {
  config = configFromEnv()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`tipline api: ${error.message}`)
  process.exit(1)
}

const api = await startApi(config)
let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`tipline api: shutdown failed: ${String(error)}`)
        process.exit(1)
      },
    )
  })
}
