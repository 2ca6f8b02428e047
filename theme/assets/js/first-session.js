// "Bring this to your first session": what the reader ticked and noted on every checklist of
// the site, gathered from this browser's storage into one summary to print or copy. The page
// lists every checklist (plugins/reflection_checklists writes the outline); nothing is sent
// anywhere, and safety ticks are never stored, so they can never appear here.

import { PrintableSummary } from 'reflection-checklists/my-reflections.js';
import { answerStore, storageKey, storageNamespace } from 'reflection-checklists/storage.js';
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

// Print and Copy are the package's, as in "My reflections" (print the summary alone; copy
// plainText()); what is gathered and how it reads are this page's own.
class FirstSession extends PrintableSummary {
  constructor (root) {
    super(root);
    if (root.hasAttribute('data-first-session-init')) return;
    this.root = root;
    this.sources = [...root.querySelectorAll('[data-source-checklist]')];
    this.actions = root.querySelector('.my-reflections__actions');
    root.querySelector('[data-needs-script]').hidden = true;
    root.querySelector('[data-with-script]').hidden = false;
    this.render();
    root.addEventListener('click', (event) => {
      if (event.target.closest('[data-print]')) this.print();
      if (event.target.closest('[data-copy]')) this.copy();
    });
    window.addEventListener('pageshow', () => this.render());
    window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-reflections'));
    root.setAttribute('data-first-session-init', '');
  }

  // What is stored for each checklist of the site: [{title, article, ticked, notes}].
  gather () {
    const found = [];
    for (const source of this.sources) {
      const items = [...source.querySelectorAll('[data-item]')];
      const path = new URL(source.dataset.href, location.href).pathname;
      const key = storageKey(storageNamespace(), source.dataset.sourceChecklist, path);
      const { record } = answerStore.load(key, items.map((item) => item.dataset.item));
      if (!record) continue;
      const ticked = items.filter((item) => record.items.has(item.dataset.item)).map((item) => item.textContent.trim());
      const notes = record.notes.trim();
      if (!ticked.length && !notes) continue;
      found.push({ title: source.dataset.title, article: source.dataset.article, ticked, notes });
    }
    return found;
  }

  render () {
    const add = (parent, tag, text) => {
      const element = parent.appendChild(document.createElement(tag));
      if (text) element.textContent = text;
      return element;
    };
    const found = this.gather();
    const parts = [];
    for (const { title, article, ticked, notes } of found) {
      const part = document.createElement('div');
      add(part, 'h3', title);
      add(part, 'p', article).className = 'first-session__from';
      if (ticked.length) {
        const list = add(part, 'ul');
        for (const item of ticked) add(list, 'li', item);
      }
      if (notes) {
        const paragraph = add(part, 'p');
        add(paragraph, 'strong', this.text.notes);
        paragraph.append(` ${notes}`);
        paragraph.className = 'my-reflections__notes';
      }
      parts.push(part);
    }
    if (!parts.length) {
      const empty = document.createElement('p');
      empty.textContent = this.root.getAttribute('data-i18n-empty');
      parts.push(empty);
    }
    this.summary.replaceChildren(...parts);
    this.status.textContent = '';
    // Print and Copy only once there is something saved to print or copy.
    if (this.actions) this.actions.hidden = !found.length;
  }

  plainText () {
    const lines = [document.querySelector('h1')?.textContent.trim() || document.title];
    for (const { title, article, ticked, notes } of this.gather()) {
      lines.push('', `${title} (${article})`, ...ticked.map((item) => `- ${item}`));
      if (notes) lines.push(`${this.text.notes} ${notes}`);
    }
    return lines.join('\n');
  }
}

// This file is the page's only script bundle: it starts the summary and the Exit control.
startComponents({ 'first-session': FirstSession, 'exit-page': ExitPage });
