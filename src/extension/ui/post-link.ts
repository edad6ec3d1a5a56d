// Post URLs were read from a social site's page, so they are attacker-written: only plain
// https links become clickable (never javascript:, data: or anything else).
export function postHref(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).protocol === 'https:' ? url : null
  } catch {
    return null
  }
}
