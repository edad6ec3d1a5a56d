// Scripts written right to left, by the language part of a locale tag.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur'])

export function textDirection(locale: string): 'rtl' | 'ltr' {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? ''
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'
}
