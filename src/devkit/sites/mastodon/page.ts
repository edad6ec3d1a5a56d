// Mastodon web app pages with the real markup structure (shared/sites/SOURCES.md, Mastodon; the
// saved reconstruction in shared/sites/mastodon): body.app-body and the #mastodon root; timeline
// items article[data-id] > .status__wrapper > .status[data-id], a boost's .status__prepend above
// the boosted status, .status__info with the a.status__relative-time permalink and the
// .display-name__account, a quoted status inside .status__quote, and .status__action-bar. Like the
// app's scrollable list, an article far from the viewport is re-rendered "hidden" (a stub of its
// measured height, its status gone) and rendered anew when it comes back; more statuses load as
// the end comes close. A status page shows the focused .detailed-status__wrapper with its
// .detailed-status__action-bar between its ancestor and replies. A profile (/@acct) puts the
// account's header (.account__header: its buttons row with Follow, the name and @acct in the h1)
// above the account's own statuses.
import { scriptJson } from '../script-json.ts'
import type { MastodonAccount, MastodonStatus } from './posts.ts'

/** Statuses per page of the timeline, as the app asks for them. */
export const MASTODON_PAGE_SIZE = 20

const STYLE = `
html, body { margin: 0; background-color: rgb(255, 255, 255); color: rgb(0, 0, 0); font: 15px/1.4 system-ui, sans-serif; }
a { color: inherit; text-decoration: none; }
.columns-area { width: 600px; margin: 0 auto; border-inline: 1px solid rgb(224, 222, 234); min-height: 100vh; }
.column-header { margin: 0; padding: 14px 16px; font-size: 16px; border-bottom: 1px solid rgb(224, 222, 234); }
.status__wrapper, .detailed-status__wrapper { border-bottom: 1px solid rgb(224, 222, 234); }
.status { padding: 16px; }
.status__prepend { padding: 8px 16px 0 64px; color: rgb(102, 102, 128); font-size: 14px; }
.status__info { display: flex; flex-direction: row-reverse; justify-content: space-between; align-items: center; }
.status__relative-time { color: rgb(102, 102, 128); font-size: 14px; }
.status__display-name { display: flex; gap: 10px; align-items: center; }
.account__avatar { width: 46px; height: 46px; border-radius: 8px; background: rgb(214, 211, 230); }
.display-name { display: flex; flex-direction: column; }
.display-name__account { color: rgb(102, 102, 128); font-size: 14px; }
.status__content { margin: 8px 0 0 56px; }
.status__quote { margin: 8px 0 0 56px; border: 1px solid rgb(224, 222, 234); border-radius: 8px; }
.status__quote .status__content { margin-inline-start: 0; }
.status__action-bar, .detailed-status__action-bar { display: flex; gap: 18px; align-items: center; margin: 10px 0 0 56px; }
.detailed-status { padding: 16px; }
.detailed-status__action-bar { margin: 0; padding: 8px 16px; border-top: 1px solid rgb(224, 222, 234); }
.detailed-status__meta { color: rgb(102, 102, 128); font-size: 14px; margin-top: 12px; }
.icon-button { all: unset; cursor: pointer; color: rgb(102, 102, 128); display: inline-flex; gap: 4px; align-items: center; }
svg { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; }
.status__content a { color: rgb(86, 58, 204); }
.account__header__tabs { display: flex; justify-content: space-between; align-items: flex-end; padding: 16px 16px 0; }
.account__header__tabs__buttons { display: flex; gap: 8px; align-items: center; }
.account__header__tabs__name { padding: 8px 16px; }
.account__header__tabs__name h1 { margin: 0; font-size: 17px; }
.account__header__tabs__name small { display: block; font-size: 14px; font-weight: 400; color: rgb(102, 102, 128); }
.account__header__bio { padding: 0 16px 16px; border-bottom: 1px solid rgb(224, 222, 234); }
.button { all: unset; cursor: pointer; padding: 6px 16px; border-radius: 4px; background: rgb(86, 58, 204); color: #fff; font-weight: 500; }
.invisible { font-size: 0; line-height: 0; display: inline-block; width: 0; height: 0; position: absolute; }
.ellipsis::after { content: "…"; }
`

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" class="icon"><circle cx="12" cy="12" r="8"></circle></svg>'

// The in-page script (plain JS: it runs in the page, not through our build). Statuses are data,
// escaped before they meet innerHTML.
const SCRIPT = `
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const ago = (iso) => Math.max(1, Math.round((Date.parse('2026-11-23T20:00:00Z') - Date.parse(iso)) / 60000 + 1)) + 'm';
const acct = (a) => a.domain ? a.username + '@' + a.domain : a.username;
function account(a, cls) {
  return '<a href="/@' + esc(acct(a)) + '" title="' + esc(acct(a)) + '" class="' + cls + '" data-id="' + a.id + '">'
    + '<div class="status__avatar"><div class="account__avatar"><img alt="' + esc(acct(a)) + '" src="data:,"></div></div>'
    + '<span class="display-name"><bdi><strong class="display-name__html">' + esc(a.name) + '</strong></bdi> <span class="display-name__account">@' + esc(acct(a)) + '</span></span></a>';
}
function info(s) {
  return '<div class="status__info"><a href="/@' + esc(acct(s.account)) + '/' + s.id + '" class="status__relative-time"><span class="status__visibility-icon">' + ICON + '</span><time datetime="' + s.createdAt + '" title="' + s.createdAt + '">' + ago(s.createdAt) + '</time></a>'
    + account(s.account, 'status__display-name') + '</div>';
}
// The server links an address as TextFormatter.shortened_link does: the scheme (and "www.")
// hidden, 30 characters shown and an ellipsis after them where it cut, the rest hidden; the web
// app then marks it a status link titled with the whole address.
function shortenedLink(url) {
  const prefix = ['https://www.', 'http://www.', 'https://', 'http://', 'xmpp:'].find((p) => url.startsWith(p)) ?? '';
  let shown = url.slice(prefix.length, prefix.length + 30);
  let rest = url.slice(prefix.length + 30);
  // One character past the cut is shown rather than hidden behind an ellipsis.
  if (rest.length === 1) { shown += rest; rest = ''; }
  return '<a href="' + esc(url) + '" target="_blank" rel="nofollow noopener" translate="no" class="status-link unhandled-link" title="' + esc(url) + '">'
    + '<span class="invisible">' + esc(prefix) + '</span><span class="' + (rest ? 'ellipsis' : '') + '">' + esc(shown) + '</span><span class="invisible">' + esc(rest) + '</span></a>';
}
function content(s) {
  const link = s.link ? ' ' + shortenedLink(s.link) : '';
  return '<div class="status__content status__content--with-action" tabindex="0"><div class="status__content__text status__content__text--visible translate" lang="' + s.lang + '"><p>' + esc(s.text) + link + '</p></div></div>';
}
function quote(s) {
  const q = s.quoted;
  if (!q) return '';
  const quoted = { id: q.id, account: q.account, text: q.text, lang: 'en', createdAt: s.createdAt };
  return '<div class="status__quote">' + ICON.replace('class="icon"', 'class="icon status__quote-icon"')
    + '<div class="status__wrapper status__wrapper-public focusable" tabindex="0"><div class="status status-public status--is-quote" data-id="' + q.id + '">'
    + info(quoted) + content(quoted) + '</div></div></div>';
}
function button(label, count, wrapper) {
  return '<div class="' + wrapper + '"><button type="button" aria-label="' + label + '" title="' + label + '" class="status__action-bar__button icon-button' + (count === null ? '' : ' icon-button--with-counter') + '">' + ICON
    + (count === null ? '' : '<span class="icon-button__counter"><span class="animated-number">' + count + '</span></span>') + '</button></div>';
}
function actionBar(s, cls, wrapper) {
  return '<div class="' + cls + '">' + button('Reply', s.replies, wrapper) + button('Boost', s.boosts, wrapper) + button('Favorite', s.favourites, wrapper)
    + button('Bookmark', null, wrapper) + button('More', null, wrapper) + '</div>';
}
function prepend(s) {
  const by = s.boostedBy;
  return by ? '<div class="status__prepend"><div class="status__prepend__icon">' + ICON + '</div><span><a data-id="' + by.id + '" href="/@' + esc(acct(by)) + '" class="status__display-name muted"><bdi><strong>' + esc(by.name) + '</strong></bdi></a> boosted</span></div>' : '';
}
function statusHtml(s) {
  return '<div class="status__wrapper status__wrapper-public focusable" tabindex="0" aria-label="' + esc(s.account.name) + ', ' + esc(s.text) + '">'
    + prepend(s) + '<div class="status status-public" data-id="' + s.id + '">' + info(s) + content(s) + quote(s)
    + actionBar(s, 'status__action-bar', 'status__action-bar__button-wrapper') + '</div></div>';
}
/** What the app renders for an article far off screen: a stub, the status itself gone. */
function hiddenHtml(s) {
  return '<div class="status__wrapper focusable" tabindex="0"><span>' + esc(s.account.name) + '</span> <span>' + esc(s.text) + '</span></div>';
}
function detailedHtml(s) {
  return '<div class="focusable detailed-status__wrapper detailed-status__wrapper-public" tabindex="0" aria-label="' + esc(s.account.name) + '">'
    + '<div class="detailed-status">' + account(s.account, 'detailed-status__display-name') + content(s) + quote(s)
    + '<div class="detailed-status__meta"><a class="detailed-status__datetime" href="/@' + esc(acct(s.account)) + '/' + s.id + '"><time datetime="' + s.createdAt + '">' + esc(s.createdAt) + '</time></a></div></div>'
    + actionBar(s, 'detailed-status__action-bar', 'detailed-status__button') + '</div>';
}

// The app's account header: its name is HTML the server escaped, its bio the server's HTML.
function accountHeaderHtml(a) {
  return '<div class="account-timeline__header"><div class="account__header"><div class="account__header__image"><div class="account__header__info"></div></div>'
    + '<div class="account__header__bar"><div class="account__header__tabs"><a class="avatar" href="/@' + esc(acct(a)) + '"><div class="account__avatar"></div></a>'
    + '<div class="account__header__tabs__buttons"><button type="button" class="button logo-button">Follow</button>'
    + '<button type="button" class="icon-button" title="Menu" aria-label="Menu">' + ICON + '</button></div></div>'
    + '<div class="account__header__tabs__name"><h1><span>' + esc(a.name) + '</span> <small><span>@' + esc(acct(a)) + '</span></small></h1></div>'
    + '<div class="account__header__extra"><div class="account__header__bio"><div class="account__header__content translate">' + a.note + '</div></div></div></div></div></div>';
}

const feed = document.querySelector('[role="feed"]');
if (PAGE.view === 'profile') feed.insertAdjacentHTML('beforebegin', accountHeaderHtml(PAGE.account));
if (PAGE.view === 'status') {
  feed.insertAdjacentHTML('beforeend', PAGE.ancestors.map(statusHtml).join('') + detailedHtml(PAGE.status) + PAGE.descendants.map(statusHtml).join(''));
} else {
  let loaded = 0;
  const shown = new Map();
  // The app's IntersectionObserverArticle: out of range, an article keeps its height and loses its status.
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const article = entry.target;
      const s = PAGE.statuses[Number(article.getAttribute('aria-posinset')) - 1];
      if (entry.isIntersecting && !shown.get(article)) {
        article.removeAttribute('style');
        article.innerHTML = statusHtml(s);
        shown.set(article, true);
      } else if (!entry.isIntersecting && shown.get(article)) {
        article.style.cssText = 'height: ' + article.offsetHeight + 'px; opacity: 0; overflow: hidden;';
        article.innerHTML = hiddenHtml(s);
        shown.set(article, false);
      }
    }
  }, { rootMargin: '100% 0px' });
  // The app's ScrollableList asks for the next page when the scroll nears the end.
  const nearEnd = () => loaded < PAGE.statuses.length && scrollY + innerHeight * 3 > document.documentElement.scrollHeight;
  addEventListener('scroll', () => { if (nearEnd()) loadMore(); }, { passive: true });
  function loadMore() {
    const next = PAGE.statuses.slice(loaded, loaded + PAGE_SIZE);
    for (const s of next) {
      // A boost is a status of its own: the article carries its id, the boosted status keeps its own.
      feed.insertAdjacentHTML('beforeend', '<article data-id="' + (s.boostedBy ? s.id + '0' : s.id) + '" aria-posinset="' + (s.index + 1) + '" aria-setsize="-1" tabindex="0">' + statusHtml(s) + '</article>');
      shown.set(feed.lastElementChild, true);
      observer.observe(feed.lastElementChild);
    }
    loaded += next.length;
  }
  loadMore();
}
`

export type MastodonView =
  | { view: 'timeline'; statuses: MastodonStatus[] }
  | { view: 'status'; ancestors: MastodonStatus[]; status: MastodonStatus; descendants: MastodonStatus[] }
  | { view: 'profile'; account: MastodonAccount; statuses: MastodonStatus[] }

export function mastodonHtml(page: MastodonView, title: string, host: string, column: string): string {
  const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta content="${host}" property="og:site_name"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body class="app-body theme-mastodon-light no-reduce-motion layout-single-column">
<div class="notranslate app-holder" data-props='{"locale":"en"}' id="mastodon"><div tabindex="-1"><div class="ui"><div class="columns-area columns-area--mobile">
<div role="region" class="column" aria-label="${escapeHtml(column)}"><div class="column-header__wrapper"><h1 class="column-header">${escapeHtml(column)}</h1></div>
<div class="scrollable"><div role="feed" class="item-list"></div></div></div>
</div></div></div></div>
<script>const PAGE = ${scriptJson(page)}; const PAGE_SIZE = ${MASTODON_PAGE_SIZE}; const ICON = ${scriptJson(ICON)};
${SCRIPT}</script>
</body>
</html>`
}

