// Bluesky pages with the web app's markup structure (social-app, react-native-web: testIDs render
// as data-testid; see shared/sites/bluesky/README.md): feed rows [data-testid="feedItem-by-<handle>"],
// thread rows [data-testid="postThreadItem-by-<handle>"] (the focused one dated on a line of its
// own, unlinked), PostMeta's display-name link, "@handle" link and timestamp permalink, and the
// PostControls row (replyBtn, repostBtn, likeBtn, …) with no testid of its own. Like the app's
// list, rows are mounted as they near the viewport and unmounted when they leave it (a returning
// post is a new element), and the next page of the feed loads when the end comes close.
import { scriptJson } from '../script-json.ts'
import type { BlueskyAuthor, BlueskyNotification, BlueskyPost } from './posts.ts'

/** Height of every feed row, in CSS pixels: fixed, so the window of mounted rows is simple. */
export const BLUESKY_ROW_HEIGHT = 300
/** Posts per page of the feed, as the app asks for them. */
export const BLUESKY_PAGE_SIZE = 30

const STYLE = `
html, body { margin: 0; background-color: rgb(255, 255, 255); color: rgb(11, 15, 20); font: 15px/1.4 system-ui, sans-serif; }
.css-175oi2r { display: flex; flex-direction: column; box-sizing: border-box; position: relative; min-width: 0; }
.row { flex-direction: row; }
.grow { flex: 1; }
a { color: inherit; text-decoration: none; }
main { width: 600px; margin: 0 auto; border-inline: 1px solid rgb(212, 219, 226); min-height: 100vh; }
[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"] { padding: 12px 16px 0; border-bottom: 1px solid rgb(212, 219, 226); cursor: pointer; }
.feed [data-testid^="feedItem-by-"] { position: absolute; width: 100%; height: ${BLUESKY_ROW_HEIGHT}px; }
.reason { color: rgb(66, 87, 108); font-size: 13px; margin: 0 0 4px 54px; }
.avatar { width: 42px; height: 42px; border-radius: 50%; background: rgb(212, 219, 226); margin-inline-end: 12px; flex: none; }
.meta { gap: 4px; align-items: baseline; }
.muted { color: rgb(66, 87, 108); }
[data-testid="postText"] { margin: 2px 0 8px; }
[data-testid="postText"] a { color: rgb(16, 131, 254); }
.embed { border: 1px solid rgb(212, 219, 226); border-radius: 8px; padding: 10px; margin-bottom: 8px; }
.controls { margin: 4px 0 10px; justify-content: space-between; max-width: 440px; }
.controls button { all: unset; cursor: pointer; color: rgb(66, 87, 108); display: flex; gap: 4px; align-items: center; padding: 5px; }
.anchor [data-testid="postText"] { font-size: 19px; }
.anchor { cursor: auto; }
.anchor .head { padding-bottom: 12px; }
.anchor .name { font-size: 17px; font-weight: 700; }
.details { padding-top: 12px; gap: 12px; align-items: flex-start; }
.dateline { align-items: center; flex-wrap: wrap; gap: 8px; font-size: 13px; }
.header { padding: 16px; border-bottom: 1px solid rgb(212, 219, 226); }
.notification { padding: 12px 16px; border-bottom: 1px solid rgb(212, 219, 226); }
svg { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; }
`

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="12" cy="12" r="8"></circle></svg>'

// The in-page script (plain JS: it runs in the page, not through our build). Posts are data,
// escaped before they meet innerHTML.
const SCRIPT = `
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const ago = (iso) => Math.max(1, Math.round((Date.parse('2026-11-23T20:00:00Z') - Date.parse(iso)) / 60000 + 1)) + 'm';
const profile = (author) => '/profile/' + author.handle;
const permalink = (author, rkey) => profile(author) + '/post/' + rkey;
function meta(author, rkey, createdAt) {
  return '<div class="css-175oi2r row meta">'
    + '<a href="' + profile(author) + '" role="link" aria-label="' + esc(author.name) + '" class="css-146c3p1"><span style="font-weight:600">' + esc(author.name) + '</span></a>'
    + '<a href="' + profile(author) + '" role="link" aria-label="View profile" class="css-146c3p1 muted">@' + esc(author.handle) + '</a>'
    + (rkey ? '<span class="muted" aria-hidden="true">·</span><a href="' + permalink(author, rkey) + '" role="link" aria-label="' + esc(createdAt) + '" data-tooltip="' + esc(createdAt) + '" class="css-146c3p1 muted">' + ago(createdAt) + '</a>' : '')
    + '</div>';
}
// RichText renders a link facet as an InlineLinkText: an <a> to the whole address around the
// shortened address the text holds, opened in a new tab as every outside link is.
function link(l) {
  return l ? ' <a href="' + esc(l.uri) + '" target="_blank" rel="noopener noreferrer" role="link" dir="auto" class="css-146c3p1" data-no_underline="1">' + esc(l.text) + '</a>' : '';
}
function text(post) {
  return '<div data-testid="contentHider-post" class="css-175oi2r"><div dir="auto" lang="' + post.lang + '" data-testid="postText" class="css-146c3p1">' + esc(post.text) + link(post.link) + '</div></div>';
}
function quote(q, createdAt) {
  if (!q) return '';
  return '<div class="css-175oi2r embed" role="link" tabindex="0" aria-label="Post by ' + esc(q.author.name) + '">'
    + meta(q.author, q.rkey, createdAt)
    + '<div dir="auto" lang="en" data-testid="postText" class="css-146c3p1">' + esc(q.text) + '</div></div>';
}
function controls(post) {
  const button = (testid, label, count) => '<div class="css-175oi2r"><button type="button" role="button" data-testid="' + testid + '" aria-label="' + label + '">' + ${JSON.stringify(ICON)} + (count === null ? '' : '<div data-testid="' + testid.replace('Btn', 'Count') + '">' + count + '</div>') + '</button></div>';
  return '<div class="css-175oi2r row controls">'
    + button('replyBtn', 'Reply (' + post.replies + ' replies)', post.replies)
    + button('repostBtn', 'Repost (' + post.reposts + ' reposts)', post.reposts)
    + button('likeBtn', 'Like (' + post.likes + ' likes)', post.likes)
    + button('postBookmarkBtn', 'Bookmark', null)
    + button('postShareBtn', 'Open share menu', null)
    + button('postDropdownBtn', 'Open post options menu', null)
    + '</div>';
}
function reason(post) {
  const by = post.repostedBy;
  return by ? '<a href="' + profile(by) + '" role="link" class="css-146c3p1 reason" aria-label="Reposted by ' + esc(by.name) + '">Reposted by ' + esc(by.name) + '</a>' : '';
}
const avatar = (author) => '<a href="' + profile(author) + '" class="css-175oi2r avatar" aria-hidden="true" tabindex="-1"><img data-testid="userAvatarImage" alt=""></a>';
/** One post: a feed or thread row (testid null: a post inside a notification). */
function postHtml(testid, post) {
  const id = testid ? ' data-testid="' + testid + '-by-' + esc(post.author.handle) + '"' : '';
  return '<div role="link" tabindex="0" class="css-175oi2r"' + id + '>'
    + reason(post)
    + '<div class="css-175oi2r row">' + avatar(post.author)
    + '<div class="css-175oi2r grow">' + meta(post.author, post.rkey, post.createdAt) + text(post) + quote(post.quoted, post.createdAt)
    + controls(post) + '</div></div></div>';
}
// A thread's focused post (ThreadItemAnchor): not pressable; a header row with the avatar and one
// link to the author (labelled with the name, holding the name and "@handle" lines: no PostMeta)
// above a full-width body; its date unlinked on a line of its own after the text
// (ExpandedPostDetails: a row in a column that aligns its children to the start, so the row is only
// as wide as the date).
function anchorHtml(post) {
  const author = post.author;
  return '<div class="css-175oi2r anchor" data-testid="postThreadItem-by-' + esc(author.handle) + '">'
    + '<div class="css-175oi2r row head">' + avatar(author)
    + '<a href="' + profile(author) + '" role="link" aria-label="' + esc(author.name) + '" class="css-175oi2r grow"><div class="css-175oi2r">'
    + '<div class="css-175oi2r row"><div dir="auto" class="css-146c3p1 name">' + esc(author.name) + '</div></div>'
    + '<div dir="auto" class="css-146c3p1 muted">@' + esc(author.handle) + '</div></div></a></div>'
    + '<div class="css-175oi2r">' + text(post) + quote(post.quoted, post.createdAt)
    + '<div class="css-175oi2r details"><div class="css-175oi2r row dateline"><div dir="auto" class="css-146c3p1 muted">' + esc(post.createdAt) + '</div></div></div>'
    + controls(post) + '</div></div>';
}
function notificationHtml(n) {
  // A reply is the whole post (the app's Post, which has no testid) inside the notification row.
  if (n.post) return '<div class="css-175oi2r" data-testid="feedItem-by-' + esc(n.author.handle) + '">' + postHtml(null, n.post) + '</div>';
  const what = { like: 'liked your post', repost: 'reposted your post', follow: 'followed you' }[n.reason];
  return '<div role="link" tabindex="0" class="css-175oi2r notification" data-testid="feedItem-by-' + esc(n.author.handle) + '">'
    + '<a href="' + profile(n.author) + '" class="css-175oi2r avatar" aria-label="' + esc(n.author.name) + '"></a>'
    + '<div class="css-146c3p1"><a href="' + profile(n.author) + '" role="link" style="font-weight:600">' + esc(n.author.name) + '</a> ' + what + '</div></div>';
}

// ProfileHeaderStandard: a row of actions (Follow, then the "More options" menu), then the display
// name and, on a line of its own, the @handle (neither a link), then the description.
function profileHeaderHtml(p) {
  return '<div class="css-175oi2r header"><div class="css-175oi2r" style="flex-direction:row;justify-content:flex-end;gap:4px">'
    + '<button type="button" data-testid="followBtn" aria-label="Follow ' + esc(p.handle) + '" class="css-175oi2r">Follow</button>'
    + '<button type="button" data-testid="profileHeaderDropdownBtn" aria-label="More options" class="css-175oi2r">' + ${JSON.stringify(ICON)} + '</button></div>'
    + '<div class="css-175oi2r"><div class="css-175oi2r" style="flex-direction:row"><div dir="auto" data-testid="profileHeaderDisplayName" class="css-146c3p1" style="font-size:22px;font-weight:700">' + esc(p.name) + '</div></div>'
    + '<div class="css-175oi2r" style="flex-direction:row"><div dir="auto" class="css-146c3p1 muted">@' + esc(p.handle) + '</div></div></div>'
    + '<div dir="auto" data-testid="profileHeaderDescription" class="css-146c3p1">' + esc(p.description) + '</div></div>';
}

const view = PAGE.view;
const root = document.querySelector('main');
if (view === 'thread') {
  root.insertAdjacentHTML('beforeend', PAGE.parents.map((p) => postHtml('postThreadItem', p)).join('')
    + anchorHtml(PAGE.anchor) + PAGE.replies.map((p) => postHtml('postThreadItem', p)).join(''));
} else if (view === 'notifications') {
  root.insertAdjacentHTML('beforeend', PAGE.notifications.map(notificationHtml).join(''));
} else {
  if (PAGE.profile) root.insertAdjacentHTML('beforeend', profileHeaderHtml(PAGE.profile));
  root.insertAdjacentHTML('beforeend', '<div class="css-175oi2r feed"></div>');
  const list = root.querySelector('.feed');
  const mounted = new Map();
  let loaded = Math.min(PAGE_SIZE, PAGE.posts.length);
  let loading = false;
  // Mount the rows near the viewport, unmount the rest: keyed by post, like React with the app's list.
  function render() {
    list.style.height = loaded * ROW_HEIGHT + 'px';
    const top = scrollY - list.offsetTop;
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - 2);
    const last = Math.min(loaded - 1, Math.floor((top + innerHeight) / ROW_HEIGHT) + 2);
    for (const [i, row] of mounted) if (i < first || i > last) { row.remove(); mounted.delete(i); }
    for (let i = first; i <= last; i++) {
      if (mounted.has(i)) continue;
      const template = document.createElement('template');
      template.innerHTML = postHtml('feedItem', PAGE.posts[i]);
      const row = template.content.firstElementChild;
      row.style.top = i * ROW_HEIGHT + 'px';
      list.append(row);
      mounted.set(i, row);
    }
    if (last >= loaded - 5 && loaded < PAGE.posts.length && !loading) {
      loading = true;
      setTimeout(() => { loaded = Math.min(loaded + PAGE_SIZE, PAGE.posts.length); loading = false; render(); }, 30);
    }
  }
  let frame = 0;
  addEventListener('scroll', () => { frame ||= requestAnimationFrame(() => { frame = 0; render(); }); }, { passive: true });
  render();
}
`

export type BlueskyView =
  | { view: 'feed'; posts: BlueskyPost[]; profile: BlueskyAuthor | null }
  | { view: 'thread'; parents: BlueskyPost[]; anchor: BlueskyPost; replies: BlueskyPost[] }
  | { view: 'notifications'; notifications: BlueskyNotification[] }

export function blueskyHtml(page: BlueskyView, title: string): string {
  return `<!DOCTYPE html>
<html lang="en" dir="ltr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="application-name" content="Bluesky"><title>${title}</title><style>${STYLE}</style></head>
<body>
<div id="root"><main role="main" class="css-175oi2r"></main></div>
<script>const PAGE = ${scriptJson(page)}; const ROW_HEIGHT = ${BLUESKY_ROW_HEIGHT}; const PAGE_SIZE = ${BLUESKY_PAGE_SIZE};
${SCRIPT}</script>
</body>
</html>`
}
