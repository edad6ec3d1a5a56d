/** storage.local key that turns on the engine's timing for npm run bench:content; never set otherwise. */
export const BENCH_FLAG_STORAGE_KEY = 'benchContent'
