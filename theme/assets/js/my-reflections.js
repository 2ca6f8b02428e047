// "My reflections": a summary of this page's checklists that the reader can print or copy.
// Reader text only ever goes in through textContent.

const REFLECTIONS_TEXT = {
  ticked: 'What I ticked:',
  nothing: 'Nothing ticked',
  meaning: 'What my answers might mean:',
  notes: 'My notes:',
  copied: 'Copied.',
  notCopied: 'Copying did not work here; you can select the text and copy it.'
};

// What one checklist says right now, read from its own markup.
function checklistSummary (root) {
  const text = (element) => (element ? element.textContent.trim().replace(/\s+/g, ' ') : '');
  const inputs = [...root.querySelectorAll('.checklist__input')];
  const ticked = inputs.filter((input) => input.checked).map((input) => text(input.labels[0]));
  const reflection = reflectionFor(root, ticked.length);
  const meaning = reflection
    ? [...reflection.children].filter((part) => !part.matches('.checklist__range')).map(text).join(' ')
    : '';
  const notes = root.querySelector('textarea[data-notes]');
  return { title: text(root.querySelector('legend')), ticked, meaning, notes: notes ? notes.value.trim() : '' };
}

class MyReflections {
  constructor (root) {
    if (root.hasAttribute('data-my-reflections-init')) return;
    this.summary = root.querySelector('[data-summary]');
    this.status = root.querySelector('[data-copy-status]');
    if (!this.summary || !this.status) throw new Error('MyReflections: incomplete markup');
    this.checklists = [...document.querySelectorAll('[data-module="checklist"]')];
    if (!this.checklists.length) return;
    this.root = root;
    root.hidden = false;
    this.render();
    root.addEventListener('click', (event) => {
      if (event.target.closest('[data-print]')) window.print();
      if (event.target.closest('[data-copy]')) this.copy();
    });
    document.addEventListener('checklist:change', () => this.render());
    window.addEventListener('pageshow', () => this.render());
    root.setAttribute('data-my-reflections-init', '');
  }

  render () {
    const add = (parent, tag, text, className) => {
      const element = parent.appendChild(document.createElement(tag));
      if (text) element.textContent = text;
      if (className) element.className = className;
      return element;
    };
    const parts = this.checklists.map((root) => {
      const { title, ticked, meaning, notes } = checklistSummary(root);
      const part = document.createElement('div');
      add(part, 'h3', title);
      if (ticked.length) {
        add(part, 'p', REFLECTIONS_TEXT.ticked);
        const list = add(part, 'ul');
        for (const item of ticked) add(list, 'li', item);
      } else add(part, 'p', REFLECTIONS_TEXT.nothing);
      for (const [label, text, className] of [[REFLECTIONS_TEXT.meaning, meaning], [REFLECTIONS_TEXT.notes, notes, 'my-reflections__notes']]) {
        if (!text) continue;
        const paragraph = add(part, 'p', '', className);
        add(paragraph, 'strong', label);
        paragraph.append(` ${text}`);
      }
      return part;
    });
    this.summary.replaceChildren(...parts);
    this.status.textContent = '';
  }

  // The same summary as plain text, under the page's title.
  plainText () {
    const lines = [document.querySelector('h1')?.textContent.trim() || document.title];
    for (const root of this.checklists) {
      const { title, ticked, meaning, notes } = checklistSummary(root);
      lines.push('', title);
      if (ticked.length) lines.push(REFLECTIONS_TEXT.ticked, ...ticked.map((item) => `- ${item}`));
      else lines.push(REFLECTIONS_TEXT.nothing);
      if (meaning) lines.push(`${REFLECTIONS_TEXT.meaning} ${meaning}`);
      if (notes) lines.push(`${REFLECTIONS_TEXT.notes} ${notes}`);
    }
    return lines.join('\n');
  }

  async copy () {
    this.status.textContent = '';
    let copied = false;
    try {
      await navigator.clipboard.writeText(this.plainText());
      copied = true;
    } catch {}
    this.status.textContent = copied ? REFLECTIONS_TEXT.copied : REFLECTIONS_TEXT.notCopied;
  }
}
