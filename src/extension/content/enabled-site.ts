// The content script as registered at run time for a site the reader enabled (background/
// site-access.ts): the same script the manifest runs on the listed sites. Its own entry, so the
// build gives it a loader whose chunks may load on any https page, where an enabled site may be.
import './index.ts'
