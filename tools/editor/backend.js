// The editor's file backend: decap-server's own local file-system backend, through the
// function the package exports for embedding it (`registerLocalFs`, decap-server/dist/middlewares).
//
// decap-server's command line cannot check the Host or Origin of a request (its CORS setting
// only shapes responses), and it can write anywhere in the folder it is given. So nothing
// reaches it directly: tools/editor/server.py is the editor's one address, checks every request
// (Host, Origin, each path against content/ and practice.toml) and passes the good ones on
// here with a secret made for this run. This process listens on 127.0.0.1 only and answers
// nothing without that secret: a page in another tab (or one that rebinds its DNS name to
// 127.0.0.1) cannot know it.
//
//   EDITOR_SITE=<folder holding content/> EDITOR_SECRET=<secret> node backend.js <port>

'use strict';

const crypto = require('crypto');
const path = require('path');

// express is decap-server's own dependency: resolve it from there, not from wherever npm hoisted it.
const decapServer = path.dirname(require.resolve('decap-server/package.json'));
const express = require(require.resolve('express', { paths: [decapServer] }));
const { registerLocalFs } = require('decap-server/dist/middlewares');

const port = Number(process.argv[2]);
const secret = process.env.EDITOR_SECRET;
if (!Number.isInteger(port) || port <= 0 || !secret || !process.env.EDITOR_SITE) {
  console.error('usage: EDITOR_SITE=<folder> EDITOR_SECRET=<secret> node backend.js <port>');
  process.exit(2);
}
process.env.GIT_REPO_DIRECTORY = path.resolve(process.env.EDITOR_SITE);

const app = express();
app.disable('x-powered-by');
const expected = crypto.createHash('sha256').update(secret).digest();
const fromEditor = given => crypto.timingSafeEqual(crypto.createHash('sha256').update(given || '').digest(), expected);
app.use((request, response, next) => {
  if (!fromEditor(request.get('x-editor-secret'))) {
    response.status(403).json({ error: 'Only the editor may use this backend.' });
    return;
  }
  next();
});

registerLocalFs(app, { logLevel: 'warn' }).then(() => {
  const server = app.listen(port, '127.0.0.1', () => console.log(`backend ready on 127.0.0.1:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
});
