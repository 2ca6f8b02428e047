// Decap starts itself as soon as its script loads; editor.mjs first registers this site's
// formats and widgets, then starts it (CMS.init).
window.CMS_MANUAL_INIT = true;
