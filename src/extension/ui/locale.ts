// What a locale tag means for layout and digits, decided from the tag alone.

// Scripts written right to left, by the language part of a locale tag.
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur'])

// Arabic in the Maghreb writes Western digits; elsewhere Arabic-Indic digits are the norm.
const WESTERN_DIGIT_ARABIC_REGIONS = new Set(['MA', 'DZ', 'TN', 'LY', 'EH', 'MR'])

export function textDirection(locale: string): 'rtl' | 'ltr' {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? ''
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr'
}

/**
 * The locale to format numbers, money and dates with. Current CLDR data gives plain "ar" Western
 * digits; an Arabic interface should show Arabic-Indic ones (٥٫٥٠), so ask for them unless the
 * tag or the region already says otherwise.
 */
export function formattingLocale(uiLanguage: string): string {
  const locale = new Intl.Locale(uiLanguage.replace(/_/g, '-'))
  if (locale.language !== 'ar' || locale.numberingSystem) return locale.toString()
  if (locale.region && WESTERN_DIGIT_ARABIC_REGIONS.has(locale.region)) return locale.toString()
  return new Intl.Locale(locale.toString(), { numberingSystem: 'arab' }).toString()
}
