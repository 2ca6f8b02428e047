// "My reflections": a summary of this page's checklists that the reader can print or copy.
// Reader text only ever goes in through textContent.
//
// A record must be safe to make: a safety item's tick is never written into it, and once one
// is ticked the summary starts with help the reader can reach and carries the safety message
// in place of every reflection. Printing prints the summary alone (no booking address).

import { pageHasSafetyTick, reflectionFor } from './checklist.js';

// Every text it writes comes from the summary's own data-i18n-* attributes (written by the
// plugin from the site's language or settings), as the checklist's do.
function reflectionTexts (root) {
  const text = (name) => {
    const value = root.getAttribute(`data-i18n-${name}`);
    if (!value) throw new Error(`MyReflections: data-i18n-${name} is missing`);
    return value;
  };
  return {
    help: text('help'),
    ticked: text('ticked'),
    nothing: text('nothing'),
    meaning: text('meaning'),
    notes: text('notes'),
    copied: text('copied'),
    notCopied: text('not-copied')
  };
}

const squash = (element) => (element ? element.textContent.trim().replace(/\s+/g, ' ') : '');

// What one checklist says right now, read from its own markup.
function checklistSummary (root, unsafe) {
  const inputs = [...root.querySelectorAll('.checklist__input:not([data-safety])')];
  const ticked = inputs.filter((input) => input.checked).map((input) => squash(input.labels[0]));
  const reflection = unsafe
    ? root.querySelector('[data-safety-reflection]')
    : reflectionFor(root, ticked.length);
  const meaning = reflection
    ? [...reflection.children].filter((part) => !part.matches('.checklist__range')).map(squash).join(' ')
    : '';
  const notes = root.querySelector('textarea[data-notes]');
  return { title: squash(root.querySelector('legend')), ticked, meaning, notes: notes ? notes.value.trim() : '' };
}

// The help list of the safety panel that is open (the region's crisis lines).
function openHelpList () {
  return document.querySelector('[data-safety-panel]:not([hidden]) .help-list') ||
    document.querySelector('[data-safety-panel] .help-list');
}

// Print and Copy for a summary (its [data-summary], [data-copy-status] and data-i18n-* texts):
// what "My reflections" and a theme's own summary (render() and plainText() of its own) share.
export class PrintableSummary {
  constructor (root) {
    this.text = reflectionTexts(root);
    this.summary = root.querySelector('[data-summary]');
    this.status = root.querySelector('[data-copy-status]');
    if (!this.summary || !this.status) throw new Error('MyReflections: incomplete markup');
  }

  // Print the summary alone: the stylesheet hides everything else while this class is set.
  print () {
    this.render();
    document.documentElement.classList.add('print-reflections');
    window.print();
  }

  async copy () {
    this.status.textContent = '';
    // A refused copy (no clipboard here, or permission denied) is said on the page.
    let copied = false;
    try {
      await navigator.clipboard.writeText(this.plainText());
      copied = true;
    } catch (error) {
      console.warn('MyReflections: copy refused', error);
    }
    this.status.textContent = copied ? this.text.copied : this.text.notCopied;
  }
}

export class MyReflections extends PrintableSummary {
  constructor (root) {
    super(root);
    if (root.hasAttribute('data-my-reflections-init')) return;
    this.checklists = [...document.querySelectorAll('[data-module="checklist"]')];
    if (!this.checklists.length) return;
    this.root = root;
    this.render();
    root.addEventListener('click', (event) => {
      if (event.target.closest('[data-print]')) this.print();
      if (event.target.closest('[data-copy]')) this.copy();
    });
    document.addEventListener('checklist:change', () => this.render());
    window.addEventListener('pageshow', () => this.render());
    // Checklists untick safety items on pagehide; the summary follows them.
    window.addEventListener('pagehide', () => this.render());
    window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-reflections'));
    root.setAttribute('data-my-reflections-init', '');
  }

  render () {
    const add = (parent, tag, text, className) => {
      const element = parent.appendChild(document.createElement(tag));
      if (text) element.textContent = text;
      if (className) element.className = className;
      return element;
    };
    const unsafe = pageHasSafetyTick();
    const parts = [];
    const help = unsafe && openHelpList();
    if (help) {
      const part = document.createElement('div');
      part.className = 'my-reflections__help';
      add(part, 'h3', this.text.help);
      part.append(help.cloneNode(true));
      parts.push(part);
    }
    for (const root of this.checklists) {
      const { title, ticked, meaning, notes } = checklistSummary(root, unsafe);
      const part = document.createElement('div');
      add(part, 'h3', title);
      if (ticked.length) {
        add(part, 'p', this.text.ticked);
        const list = add(part, 'ul');
        for (const item of ticked) add(list, 'li', item);
      } else add(part, 'p', this.text.nothing);
      for (const [label, text, className] of [[this.text.meaning, meaning], [this.text.notes, notes, 'my-reflections__notes']]) {
        if (!text) continue;
        const paragraph = add(part, 'p', '', className);
        add(paragraph, 'strong', label);
        paragraph.append(` ${text}`);
      }
      parts.push(part);
    }
    this.summary.replaceChildren(...parts);
    this.status.textContent = '';
    // Shown once there is something to reflect on: a tick, a note, or help after a safety tick.
    this.root.hidden = !(unsafe || this.checklists.some((root) => {
      const { ticked, notes } = checklistSummary(root, false);
      return ticked.length || notes;
    }));
  }

  // The same summary as plain text, under the page's title.
  plainText () {
    const unsafe = pageHasSafetyTick();
    const lines = [document.querySelector('h1')?.textContent.trim() || document.title];
    const help = unsafe && openHelpList();
    if (help) {
      lines.push('', this.text.help);
      // Each entry: its name, then the rest of its words (what it does, when, how to call).
      for (const item of help.querySelectorAll('li')) {
        const name = squash(item.querySelector('strong'));
        const rest = [...item.children].filter((part) => !part.querySelector('strong')).map(squash).filter(Boolean).join(' ');
        const site = item.querySelector('a[href^="http"]');
        lines.push(`- ${name}: ${rest}${site ? ` ${site.href}` : ''}`);
      }
    }
    for (const root of this.checklists) {
      const { title, ticked, meaning, notes } = checklistSummary(root, unsafe);
      lines.push('', title);
      if (ticked.length) lines.push(this.text.ticked, ...ticked.map((item) => `- ${item}`));
      else lines.push(this.text.nothing);
      if (meaning) lines.push(`${this.text.meaning} ${meaning}`);
      if (notes) lines.push(`${this.text.notes} ${notes}`);
    }
    return lines.join('\n');
  }
}
