// An X profile's header as the saved page shows it (shared/sites/x/cpft-pr777-profile-badlogicgames.html):
// the avatar and an action row whose Follow button sits in data-testid="placementTracking", then
// data-testid="UserName" with the display name and the @handle (neither a link), then the bio.
import type { StandInAuthor } from './posts.ts'

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const PROFILE_STYLE = `
.profile { padding: 12px 16px; border-bottom: 1px solid rgb(239, 243, 244); }
.profile .r-1wtj0ep { align-items: flex-end; }
[data-testid^="UserAvatar-Container-"] .avatar { width: 80px; height: 80px; border-radius: 50%; background: rgb(207, 217, 222); }
[data-testid="placementTracking"] button { all: unset; cursor: pointer; font-weight: 700; padding: 6px 16px; border-radius: 999px; background: rgb(15, 20, 25); color: #fff; }
.r-obd0qt { gap: 8px; align-items: center; }
[data-testid="UserName"] { margin-top: 8px; }
`

export function profileHeaderHtml(author: StandInAuthor, userId: number): string {
  const handle = esc(author.handle)
  return `<div class="css-175oi2r profile"><div class="css-175oi2r r-18u37iz r-1wtj0ep">`
    + `<div class="css-175oi2r" data-testid="UserAvatar-Container-${handle}"><a href="/${handle}/photo" role="link" class="css-175oi2r"><div class="avatar" aria-label="Opens profile photo"></div></a></div>`
    + `<div class="css-175oi2r r-obd0qt r-18u37iz r-1w6e6rj r-1h0z5md r-dnmrzs"><div class="css-175oi2r" data-testid="placementTracking"><div class="css-175oi2r r-6gpygo">`
    + `<button aria-describedby="id__follow" aria-label="Follow @${handle}" role="button" class="css-175oi2r" data-testid="${userId}-follow" type="button"><div dir="ltr"><span><span>Follow</span></span></div></button>`
    + `</div><div dir="auto" id="id__follow" hidden>Click to Follow ${handle}</div></div></div></div>`
    + `<div class="css-175oi2r r-18u37iz" data-testid="UserName"><div class="css-175oi2r"><div class="css-175oi2r"><div dir="ltr" class="css-146c3p1"><span class="css-1jxf684"><span class="css-1jxf684">${esc(author.name)}</span></span></div></div>`
    + `<div class="css-175oi2r"><div tabindex="-1" class="css-175oi2r"><div dir="ltr" class="css-146c3p1 muted"><span class="css-1jxf684">@${handle}</span></div></div></div></div></div>`
    + `<div dir="auto" class="css-146c3p1" data-testid="UserDescription"><span class="css-1jxf684">Writing in public. Tips welcome.</span></div></div>`
}
