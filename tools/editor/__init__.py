"""`make edit`: a private editor for this site in the browser, on this computer only.

Decap CMS (npm `decap-cms`, its built files served from node_modules) edits the articles, pages
and practice.toml; decap-server (npm `decap-server`) reads and writes them. The pieces:

- `__main__`: the command line; starts the file backend (backend.js, Node), the live preview
  (tools.devserver) and the editor's address, and stops them together.
- `server`: the editor's one address on 127.0.0.1 (its page, Decap's files, the backend behind
  `guard`, the build's word on each save through `check`).
- `guard`: Host and Origin checks, and the rule that every path stays in content/ (or is
  practice.toml).
- `check`: runs the site's build after a save and picks out what it says about the saved file.
- `config`: Decap's configuration (page/config.yml) with this site's categories filled in.
- `page/`: the editor page and its scripts: the Pelican header format, the practice.toml
  format, the checklist form and the article-text widget.
"""
