// Every benchmark prints a table and writes its figures to .bench/<name>.json (git-ignored).
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const BENCH_DIR = resolve(import.meta.dirname, '../../.bench')

export function writeFigures(name: string, figures: unknown): string {
  mkdirSync(BENCH_DIR, { recursive: true })
  const file = resolve(BENCH_DIR, `${name}.json`)
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`)
  return file
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits))
