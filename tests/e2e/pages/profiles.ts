// A person's profile on each stand-in, and where its Send button belongs: with Follow.
export interface StandInProfile {
  site: 'X' | 'Bluesky' | 'Mastodon'
  url: string
  handle: string
  /** The name the Send button's label gives. */
  person: string
  /** The header's row of actions, which Send joins. */
  actions: string
}

export const PROFILES: readonly StandInProfile[] = [
  { site: 'X', url: 'https://x.com/nour_writes', handle: 'nour_writes', person: 'نور Nour', actions: 'div:has(> [data-testid="placementTracking"])' },
  { site: 'Bluesky', url: 'https://bsky.app/profile/ada.bsky.social', handle: 'ada.bsky.social', person: 'Ada Lovelace', actions: 'div:has(> [data-testid="followBtn"])' },
  // A remote account, shown on this instance: it keeps its own domain.
  { site: 'Mastodon', url: 'https://mastodon.social/@grace@hachyderm.io', handle: 'grace@hachyderm.io', person: 'Grace Hopper', actions: '.account__header__tabs__buttons' },
]
