// An X page with the real markup structure (shared/sites/x): cellInnerDiv rows absolutely
// positioned in a virtual list, article[data-testid="tweet"], User-Name with the @-link, the
// timestamp permalink, and the role="group" action bar. Like X's React list, a fixed pool of rows
// is reused as you scroll: each row's content is replaced in place, and its action bar element is
// kept and updated, so an extension's button in it must follow the new post.
import { jsonScript, scriptJson } from '../script-json.ts'
import type { StandInPost } from './posts.ts'
import { PROFILE_STYLE } from './profile.ts'

/** Height of every row, in CSS pixels: X measures rows; a fixed height keeps the recycler small. */
export const ROW_HEIGHT = 300
/** Rows in the pool: enough to cover a tall viewport plus overscan above and below. */
export const POOL_SIZE = 8

// The few atomic classes the markup uses, with the meaning X's stylesheet gives them.
const STYLE = `
html { font-size: 15px; background-color: #FFFFFF; }
body { margin: 0; background-color: #FFFFFF; color: rgb(15, 20, 25); font-family: system-ui, sans-serif; }
.css-175oi2r { display: flex; flex-direction: column; box-sizing: border-box; position: relative; min-width: 0; }
.r-18u37iz { flex-direction: row; }
.r-1wtj0ep { justify-content: space-between; }
.r-13awgt0 { flex-grow: 1; flex-basis: 0; }
.r-16y2uox { flex-grow: 1; }
.r-1iusvr4 { flex-basis: 0; flex-grow: 1; }
.r-1udh08x { overflow: hidden; }
.r-qlhcfr { font-size: 0.001px; } .r-19qo34d { left: -9999px; } .r-qvk6io { line-height: 0px; } .r-orgf3d { opacity: 0; } .r-u8s1d { position: absolute; }
a { color: inherit; text-decoration: none; }
main { width: 600px; margin: 0 auto; border-inline: 1px solid rgb(239, 243, 244); }
article { padding: 12px 16px 0; cursor: pointer; height: ${ROW_HEIGHT}px; box-sizing: border-box; border-bottom: 1px solid rgb(239, 243, 244); }
[data-testid="Tweet-User-Avatar"] { width: 40px; height: 40px; border-radius: 50%; background: rgb(207, 217, 222); margin-inline-end: 12px; }
[data-testid="User-Name"] { gap: 4px; }
.muted { color: rgb(83, 100, 113); }
[data-testid="tweetText"] { margin: 4px 0 12px; line-height: 20px; }
.quote { border: 1px solid rgb(207, 217, 222); border-radius: 16px; padding: 12px; margin-bottom: 12px; }
/* As X since 2025 (shared/sites/x): the bar spans the column, its views cell stretching before bookmark. */
[role="group"] { margin: 4px 0 12px; }
[role="group"] button, [role="group"] a { all: unset; cursor: pointer; color: rgb(83, 100, 113); }
[role="group"] button > div, [role="group"] a { display: flex; align-items: center; gap: 4px; }
svg { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; }
button[data-testid="caret"] { all: unset; color: rgb(83, 100, 113); cursor: pointer; }
`

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" class="r-4qtqp9 r-yyyyoo r-dnmrzs"><g><circle cx="12" cy="12" r="8"></circle></g></svg>'

const action = (testid: string, label: string) =>
  `<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><button aria-label="${label}" role="button" class="css-175oi2r r-1777fci r-bt1l66" data-testid="${testid}" type="button"><div dir="ltr" class="css-146c3p1 r-1awozwy r-6koalj">${ICON}<span data-testid="app-text-transition-container"><span class="css-1jxf684 r-bcqeeo" data-count="${testid}"></span></span></div></button></div>`

/** One pool row: the parts the recycler rewrites are marked data-slot (a stand-in detail, not X's). */
const ROW = `<div class="css-175oi2r" data-testid="cellInnerDiv" style="transform: translateY(0px); position: absolute; width: 100%;"><div class="css-175oi2r r-1igl3o0 r-qklmqi r-1adg3ll r-1ny4l3l"><div class="css-175oi2r"><article role="article" tabindex="0" class="css-175oi2r r-18u37iz r-1udh08x r-1c4vpko" data-testid="tweet"><div class="css-175oi2r r-eqz5dr r-16y2uox r-1wbh5a2"><div class="css-175oi2r r-16y2uox r-1wbh5a2 r-1ny4l3l"><div class="css-175oi2r" data-slot="context"></div><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-18kxxzh r-1wron08 r-onrtq4 r-1awozwy" data-slot="avatar"></div><div class="css-175oi2r r-1iusvr4 r-16y2uox r-1777fci r-kzbkwu"><div class="css-175oi2r" data-slot="body"></div><div class="css-175oi2r"><div class="css-175oi2r"><div role="group" class="css-175oi2r r-1kbdv8c r-18u37iz r-1wtj0ep r-1ye8kvj r-1s2bzr4">${action('reply', 'Reply')}${action('retweet', 'Repost')}${action('like', 'Like')}<div class="css-175oi2r r-18u37iz r-1h0z5md r-13awgt0"><a role="link" class="css-175oi2r r-1777fci" data-slot="analytics">${ICON}<span data-count="views"></span></a></div><div class="css-175oi2r r-18u37iz r-1h0z5md r-1wron08"><button aria-label="Bookmark" role="button" class="css-175oi2r r-1777fci" data-testid="bookmark" type="button">${ICON}</button></div></div></div></div></div></div></div></div></article></div></div><div role="separator" class="css-175oi2r r-gu4em3 r-109y4c4 r-13qz1uu"></div></div>`

// The in-page script (plain JS: it runs in the page, not through our build). Markup per post
// follows the saved pages; posts are data, escaped before they meet innerHTML.
const SCRIPT = `
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const ago = (iso) => Math.max(1, Math.round((Date.parse('2026-11-23T20:00:00Z') - Date.parse(iso)) / 60000 + 1)) + 'm';
function userName(author, link) {
  const name = '<div dir="ltr" class="css-146c3p1 r-b88u0q"><span class="css-1jxf684"><span class="css-1jxf684">' + esc(author.name) + '</span></span></div>';
  const handle = '<div dir="ltr" class="css-146c3p1 r-16dba41 muted"><span class="css-1jxf684">@' + esc(author.handle) + '</span></div>';
  return '<div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l r-1awozwy r-18u37iz" data-testid="User-Name">'
    + '<div class="css-175oi2r r-1awozwy r-18u37iz"><div class="css-175oi2r">'
    + (link ? '<a href="/' + esc(author.handle) + '" role="link" class="css-175oi2r r-1loqt21">' + name + '</a>' : name)
    + '</div></div><div class="css-175oi2r r-18u37iz r-1wbh5a2 r-1ez5h0i"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r">'
    + (link ? '<a href="/' + esc(author.handle) + '" role="link" tabindex="-1" class="css-175oi2r r-1loqt21">' + handle + '</a>' : '<div tabindex="-1" class="css-175oi2r">' + handle + '</div>')
    + '</div><div dir="ltr" aria-hidden="true" class="css-146c3p1 muted"><span class="css-1jxf684">·</span></div>';
}
function time(post, link) {
  const t = '<time datetime="' + post.datetime + '">' + ago(post.datetime) + '</time>';
  return '<div class="css-175oi2r r-18u37iz r-1q142lx">' + (link
    ? '<a href="/' + esc(post.author.handle) + '/status/' + post.id + '" dir="ltr" aria-label="' + ago(post.datetime) + ' ago" role="link" class="css-146c3p1 r-1loqt21 muted">' + t + '</a>'
    : '<div dir="ltr" class="css-146c3p1 muted">' + t + '</div>') + '</div></div></div></div>';
}
// X links every address in a post through t.co and writes the address into the link's text, the
// scheme and the tail past its cut in spans shown to nobody, then an ellipsis (shared/sites/x).
const HIDDEN = '<span aria-hidden="true" class="css-1jxf684 r-bcqeeo r-qlhcfr r-19qo34d r-qvk6io r-orgf3d r-u8s1d">';
const SHOWN_LENGTH = 26;
function shortLink(link) {
  const scheme = link.startsWith('https://') ? 'https://' : link.startsWith('http://') ? 'http://' : '';
  const rest = link.slice(scheme.length);
  let code = 0;
  for (const c of link) code = (code * 31 + c.charCodeAt(0)) >>> 0;
  const tail = rest.length > SHOWN_LENGTH ? HIDDEN + esc(rest.slice(SHOWN_LENGTH)) + '</span><span aria-hidden="true" class="css-1jxf684 r-bcqeeo">…</span>' : '';
  return '<a href="https://t.co/' + code.toString(36) + '" dir="ltr" rel="noopener noreferrer nofollow" target="_blank" role="link" class="css-1jxf684 r-bcqeeo">'
    + HIDDEN + scheme + '</span>' + esc(rest.slice(0, SHOWN_LENGTH)) + tail + '</a>';
}
function text(body, lang, link) {
  const a = link ? ' ' + shortLink(link) : '';
  return '<div dir="auto" lang="' + lang + '" class="css-146c3p1 r-bcqeeo r-bnwqim" data-testid="tweetText"><span class="css-1jxf684">' + esc(body) + '</span>' + a + '</div>';
}
function header(post) {
  const ad = post.promoted ? '<div dir="ltr" class="css-146c3p1 muted"><span class="css-1jxf684 r-bcqeeo">Ad</span></div>' : '';
  return '<div class="css-175oi2r r-zl2h9q"><div class="css-175oi2r r-k4xj1c r-18u37iz r-1wtj0ep"><div class="css-175oi2r r-1d09ksm r-18u37iz r-1wbh5a2"><div class="css-175oi2r r-1wbh5a2 r-dnmrzs r-1ny4l3l">'
    + userName(post.author, true) + time(post, true)
    + '</div></div><div class="css-175oi2r r-1kkk96v"><div class="css-175oi2r r-1awozwy r-18u37iz r-1cmwbt1 r-1wtj0ep">' + ad
    + '<button aria-expanded="false" aria-haspopup="menu" aria-label="More" role="button" class="css-175oi2r" data-testid="caret" type="button">' + ${JSON.stringify(ICON)} + '</button></div></div></div></div>';
}
function quote(q) {
  if (!q) return '';
  return '<div class="css-175oi2r"><div tabindex="0" class="css-175oi2r r-adacv r-1udh08x quote" role="link"><div class="css-175oi2r"><div class="css-175oi2r r-1habvwh r-18u37iz">'
    + '<div class="css-175oi2r r-1gs4q39" data-testid="Tweet-User-Avatar" style="width:24px;height:24px"></div>'
    + userName(q.author, false) + time({ author: q.author, id: q.id, datetime: '2026-11-23T18:00:00.000Z' }, false)
    + '</div>' + text(q.text, 'en') + '</div></div></div>';
}
function context(post) {
  const by = post.repostedBy;
  return by ? '<div class="css-175oi2r r-15zivkp r-q3we1"><div class="css-175oi2r r-18u37iz"><div class="css-175oi2r r-1iusvr4 r-16y2uox"><a href="/' + esc(by.handle) + '" dir="ltr" role="link" class="css-146c3p1 r-1loqt21 muted"><span class="css-1jxf684" data-testid="socialContext"><span dir="ltr" class="css-1jxf684"><span class="css-1jxf684">' + esc(by.name) + '</span></span> reposted</span></a></div></div></div>' : '';
}
function avatar(post) {
  return '<div class="css-175oi2r" data-testid="Tweet-User-Avatar"><div class="css-175oi2r" data-testid="UserAvatar-Container-' + esc(post.author.handle) + '"><a href="/' + esc(post.author.handle) + '" aria-hidden="true" role="link" tabindex="-1" class="css-175oi2r r-1loqt21"></a></div></div>';
}
// Like React: same row element, new children where they differ, attributes and counts updated in place.
function fill(row, post) {
  row.dataset.index = String(post.index);
  row.style.transform = 'translateY(' + post.index * ROW_HEIGHT + 'px)';
  row.querySelector('[data-slot=context]').innerHTML = context(post);
  row.querySelector('[data-slot=avatar]').innerHTML = avatar(post);
  row.querySelector('[data-slot=body]').innerHTML = header(post) + text(post.text, post.lang, post.link) + quote(post.quoted);
  row.querySelector('[role=group]').setAttribute('aria-label', post.replies + ' replies, ' + post.reposts + ' reposts, ' + post.likes + ' likes, ' + post.views + ' views');
  row.querySelector('[data-slot=analytics]').setAttribute('href', '/' + post.author.handle + '/status/' + post.id + '/analytics');
  for (const [name, value] of [['reply', post.replies], ['retweet', post.reposts], ['like', post.likes], ['views', post.views]]) {
    row.querySelector('[data-count=' + name + ']').textContent = String(value);
  }
  row.hidden = false;
}
const list = document.querySelector('[aria-label="Timeline: Your Home Timeline"] > div');
const rows = Array.from({ length: Math.min(POOL_SIZE, POSTS.length) }, () => {
  list.insertAdjacentHTML('beforeend', ROW);
  return list.lastElementChild;
});
list.style.minHeight = POSTS.length * ROW_HEIGHT + 'px';
// Each pool row always shows the post whose index is congruent to its slot, as a modular window.
function render() {
  const top = Math.max(0, Math.floor((scrollY - list.offsetTop) / ROW_HEIGHT) - 2);
  for (let i = top; i < top + rows.length; i++) {
    const row = rows[i % rows.length];
    const post = POSTS[i];
    if (!post) { row.hidden = true; continue; }
    if (row.dataset.index !== String(i)) fill(row, post);
  }
}
let frame = 0;
addEventListener('scroll', () => { frame ||= requestAnimationFrame(() => { frame = 0; render(); }); }, { passive: true });
render();
`

/** X's own interface language: Arabic lays the whole page out right to left. */
export type UiLanguage = 'en' | 'ar'

/** header: markup above the timeline, such as a profile's (profile.ts). */
export function timelineHtml(posts: StandInPost[], title: string, language: UiLanguage = 'en', header = ''): string {
  const postsData = jsonScript('stand-in-posts', posts)
  return `<!DOCTYPE html>
<html dir="${language === 'ar' ? 'rtl' : 'ltr'}" lang="${language}" style="background-color: #FFFFFF;">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${STYLE}${header ? PROFILE_STYLE : ''}</style></head>
<body style="background-color: #FFFFFF;">
<div id="react-root"><div class="css-175oi2r r-13awgt0 r-12vffkv"><main role="main" class="css-175oi2r"><div class="css-175oi2r" data-testid="primaryColumn">${header}
<section aria-labelledby="accessible-list-1" role="region" class="css-175oi2r"><h1 id="accessible-list-1" dir="ltr" style="position:absolute;clip:rect(0 0 0 0)">Your Home Timeline</h1>
<div aria-label="Timeline: Your Home Timeline" class="css-175oi2r"><div class="css-175oi2r" style="position: relative;"></div></div>
</section></div></main></div></div>
${postsData.element}
<script>const POSTS = ${postsData.read}; const ROW_HEIGHT = ${ROW_HEIGHT}; const POOL_SIZE = ${POOL_SIZE}; const ROW = ${scriptJson(ROW)};
${SCRIPT}</script>
</body>
</html>`
}
