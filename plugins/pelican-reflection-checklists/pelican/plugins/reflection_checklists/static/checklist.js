// Reflection checklist: a live count, the matching reflection, the safety layer, and
// answers saved in this browser. The markup works without it (pelican.plugins.reflection_checklists).
//
// Safety items ({.safety}) are never counted and never stored, not even for this tab: a
// safety tick lives only in the open page and is undone when the reader leaves it, so Back,
// a reload or a reopened tab never shows one. A safety tick anywhere on the page puts the
// safety message in place of every count-based reflection and hides every couples prompt.

import { answerStore, DEVICE, forgetAll, storageKey, storageNamespace, TAB } from './storage.js';

// Every text the script says comes from the checklist's own data-i18n-* attributes, which
// pelican.plugins.reflection_checklists writes from the site's settings (as GOV.UK Frontend does):
// rewording or translating them needs no change here. Missing markup is a build mistake.
function checklistTexts (root) {
  const text = (name) => {
    const value = root.getAttribute(`data-i18n-${name}`);
    if (!value) throw new Error(`Checklist: data-i18n-${name} is missing on #${root.id}`);
    return value;
  };
  const count = text('count');
  return {
    count: (ticked, total) => count.replace('{ticked}', ticked).replace('{total}', total),
    notSaved: text('not-saved'),
    full: text('full'),
    unreadable: text('unreadable'),
    cleared: text('cleared'),
    // Said once, politely, when help appears, so screen-reader users know it is there.
    safety: text('safety-announcement')
  };
}

// The count-based reflection written for this many ticks (an empty data-max means "or more").
export function reflectionFor (root, ticked) {
  return [...root.querySelectorAll('.checklist__reflection:not([data-safety-reflection]):not([data-gate-reflection])')].find((reflection) =>
    ticked >= Number(reflection.dataset.min) &&
    (reflection.dataset.max === '' || ticked <= Number(reflection.dataset.max)));
}

// Is a safety item ticked anywhere on this page?
export function pageHasSafetyTick () {
  return document.querySelector('.checklist__input[data-safety]:checked') !== null;
}

// Couples prompts outside the checklists (header button, end-of-article panel, consultation
// blocks, the learning path's next step, related reading, paragraphs the author marked
// `couples-work`) step back while a safety item is ticked, and the safety route comes forward.
function syncCouplesPrompts (unsafe) {
  for (const prompt of document.querySelectorAll('[data-couples-booking], [data-couples-work], .couples-work')) {
    prompt.hidden = unsafe;
  }
  for (const route of document.querySelectorAll('[data-safety-route]')) route.toggleAttribute('data-shown', unsafe);
}

// A print made after a safety tick carries the help alone (checklist.css); without page margins
// the browser adds no header or footer either, so the paper shows neither the page's title nor
// its address. (Without JavaScript the browser's own header and footer may still show them.)
const printSafely = {
  rule: null,
  // Once per page, however many checklists (or copies of this module) it has.
  watch () {
    if (document.documentElement.hasAttribute('data-checklist-print')) return;
    document.documentElement.setAttribute('data-checklist-print', '');
    window.addEventListener('beforeprint', () => this.before());
    window.addEventListener('afterprint', () => this.after());
  },
  before () {
    if (!pageHasSafetyTick()) return;
    document.documentElement.classList.add('print-safety');
    try {
      // A stylesheet from another origin throws on cssRules: it is not one this page can change.
      const sheet = [...document.styleSheets].find((candidate) => { try { return candidate.cssRules; } catch { return false; } });
      if (sheet) this.rule = { sheet, index: sheet.insertRule('@page { margin: 0 }', sheet.cssRules.length) };
    } catch (error) {
      console.warn('Checklist: could not remove the print margins', error);
    }
  },
  after () {
    document.documentElement.classList.remove('print-safety');
    if (this.rule) this.rule.sheet.deleteRule(this.rule.index);
    this.rule = null;
  }
};

function prefersReducedMotion () {
  return Boolean(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
}

export class Checklist {
  constructor (root) {
    if (root.hasAttribute('data-checklist-init')) return;
    const find = (selector) => root.querySelector(selector);
    this.inputs = [...root.querySelectorAll('.checklist__input[data-item]')];
    this.count = find('[data-count]');
    this.controls = find('[data-controls]');
    this.remember = find('[data-remember]');
    this.message = find('[data-storage-message]');
    if (!root.dataset.checklist || !this.inputs.length || !this.count || !this.controls ||
        !this.remember || !this.message) {
      throw new Error(`Checklist: incomplete markup in #${root.id}`);
    }
    this.root = root;
    this.text = checklistTexts(root);
    this.ordinary = this.inputs.filter((input) => !input.hasAttribute('data-safety'));
    this.safetyInputs = this.inputs.filter((input) => input.hasAttribute('data-safety'));
    this.notes = find('textarea[data-notes]');
    this.reflections = find('[data-reflections]');
    this.next = find('[data-next]');
    this.safetyPanel = find('[data-safety-panel]');
    this.safetyReflection = find('[data-safety-reflection]');
    this.gate = find('.checklist__input[data-gate]');
    this.gateReflection = find('[data-gate-reflection]');
    this.key = storageKey(storageNamespace(root), root.dataset.checklist);
    this.told = new Set();
    this.answered = false;  // the reader has ticked or unticked something since arriving or clearing

    this.restore();
    this.count.setAttribute('aria-live', 'polite');
    this.count.hidden = false;
    this.controls.hidden = false;
    if (this.safetyPanel) {
      this.announcer = document.createElement('p');
      this.announcer.className = 'visually-hidden';
      this.announcer.setAttribute('aria-live', 'polite');
      this.announcer.dataset.safetyAnnouncer = '';
      this.safetyPanel.before(this.announcer);
    }
    this.touched = false;
    this.render();

    root.addEventListener('change', (event) => this.changed(event.target));
    root.addEventListener('input', (event) => { if (event.target === this.notes) this.changed(event.target); });
    root.addEventListener('click', (event) => { if (event.target.closest('[data-clear]')) this.clear(); });
    // Another checklist on the page changed: a safety tick there changes what this one shows.
    document.addEventListener('checklist:change', (event) => { if (event.target !== root) this.render(); });
    window.addEventListener('pagehide', () => this.forgetSafetyTicks());
    // Another tab changed what is kept on this device: stay in step with it.
    window.addEventListener('storage', (event) => this.deviceChanged(event));
    document.addEventListener('checklist:cleared', (event) => { if (event.target !== root) this.reset(); this.render(); });
    // A page back from the cache, or one the browser refilled from its own form memory
    // (that can happen after this script ran), shows what storage holds now: nothing
    // after Clear or "Exit this page", and never a safety tick.
    window.addEventListener('pageshow', (event) => {
      if (event.persisted || !this.touched) this.restore();
      this.render();
    });
    printSafely.watch();
    root.setAttribute('data-checklist-init', '');
  }

  // Put saved answers back, over whatever the browser restored by itself. Safety items always
  // start unticked. If storage cannot be read at all, ordinary ticks are left as they are:
  // they are never thrown away because storage failed.
  restore () {
    for (const input of this.safetyInputs) input.checked = false;
    const { record, fromDevice, blocked, damaged } = answerStore.load(this.key, this.ordinary.map((input) => input.dataset.item));
    this.blocked = blocked;
    if (blocked) this.tell(this.text.notSaved);
    else if (damaged) this.tell(this.text.unreadable);
    if (!record) {
      // Nothing stored (never ticked, cleared, or erased by "Exit this page"): show nothing.
      if (!blocked && !damaged) this.reset();
      return;
    }
    for (const input of this.ordinary) input.checked = record.items.has(input.dataset.item);
    if (this.notes) this.notes.value = record.notes;
    this.remember.checked = fromDevice;
    // Rewrite the record, so anything it held that is not an ordinary item is gone for good.
    this.save();
  }

  reset () {
    this.answered = false;
    for (const input of this.inputs) input.checked = false;
    if (this.notes) this.notes.value = '';
    this.remember.checked = false;
  }

  // Show a storage problem once; later ones of the same kind stay quiet.
  tell (text) {
    if (this.told.has(text)) return;
    this.told.add(text);
    this.message.textContent = text;
  }

  changed (target) {
    this.touched = true;
    this.answered = true;
    if (this.message.textContent === this.text.cleared) this.message.textContent = '';
    if (target === this.remember && !this.remember.checked) answerStore.forget(this.key, [DEVICE]);
    this.render({ byReader: true });
    this.save();
    this.root.dispatchEvent(new CustomEvent('checklist:change', { bubbles: true }));
  }

  // Only ordinary items are ever written; a safety tick stays in this page alone.
  save (areas) {
    const items = {};
    for (const input of this.ordinary) if (input.checked) items[input.dataset.item] = true;
    const saved = answerStore.save(this.key, {
      items, notes: this.notes ? this.notes.value : '', remember: this.remember.checked
    }, areas);
    if (!saved) this.tell(this.blocked ? this.text.notSaved : this.text.full);
  }

  // "Clear my answers" erases every answer and note this site keeps, on every page, in both
  // storages (older versions and renamed checklists included), and empties this page's lists.
  clear () {
    this.reset();
    forgetAll(storageNamespace(this.root));
    this.render();
    this.message.textContent = this.text.cleared;
    this.root.dispatchEvent(new CustomEvent('checklist:cleared', { bubbles: true }));
    this.root.dispatchEvent(new CustomEvent('checklist:change', { bubbles: true }));
  }

  deviceChanged (event) {
    if (event.key !== null && event.key !== this.key) return;
    // Reading window.localStorage throws where storage is blocked; then no event is ours.
    let fromDevice = false;
    try {
      fromDevice = event.storageArea === window[DEVICE];
    } catch (error) {
      console.warn('Checklist: this device\'s storage cannot be read', error);
    }
    if (!fromDevice) return;
    const record = answerStore.parse(event.newValue, this.ordinary.map((input) => input.dataset.item));
    if (record) {
      for (const input of this.ordinary) input.checked = record.items.has(input.dataset.item);
      if (this.notes) this.notes.value = record.notes;
      this.remember.checked = true;
    } else {
      this.remember.checked = false;  // turned off (or cleared) in another tab: off here too
    }
    this.save([TAB]);
    this.render();
    this.root.dispatchEvent(new CustomEvent('checklist:change', { bubbles: true }));
  }

  forgetSafetyTicks () {
    for (const input of this.safetyInputs) input.checked = false;
    this.render();
  }

  // Bring everything shown in line with the boxes on the page.
  render ({ byReader = false } = {}) {
    const ticked = this.ordinary.filter((input) => input.checked).length;
    const unsafe = pageHasSafetyTick();
    this.count.textContent = this.text.count(ticked, this.ordinary.length);
    // "If you ticked none" is an answer: it waits until the reader has answered something
    // (ticked, then unticked) or has saved answers, rather than greeting them on arrival.
    const answered = this.answered || ticked > 0 || Boolean(this.notes && this.notes.value);
    // A gate item (`gate:` option) not ticked yet: its message, whatever else is ticked.
    const gated = this.gate && !this.gate.checked && ticked > 0;
    const shown = unsafe ? this.safetyReflection
      : gated ? this.gateReflection : (answered ? reflectionFor(this.root, ticked) : null);
    for (const reflection of this.root.querySelectorAll('.checklist__reflection')) {
      reflection.hidden = reflection !== shown;
    }
    if (this.reflections) this.reflections.hidden = !shown;
    // The booking prompt after the list waits until the reader has answered something.
    if (this.next) this.next.hidden = unsafe || !answered;
    syncCouplesPrompts(unsafe);
    if (!this.safetyPanel) return;
    const opening = this.safetyInputs.some((input) => input.checked);
    const wasHidden = this.safetyPanel.hidden;
    this.safetyPanel.hidden = !opening;
    if (!opening) this.announcer.textContent = '';
    else if (wasHidden && byReader) {
      this.announcer.textContent = this.text.safety;
      this.bringIntoView();
    }
  }

  // The panel opens just below the items; on a small screen that can be off-screen. Scroll
  // just enough to show its start (title, first lines of help), so the ticked item stays
  // in view where it can.
  bringIntoView () {
    const box = this.safetyPanel.getBoundingClientRect();
    const covered = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const wanted = Math.min(box.height, (window.innerHeight - covered) * 0.6);
    let by = 0;
    if (box.top < covered) by = box.top - covered;
    else if (box.top + wanted > window.innerHeight) by = box.top + wanted - window.innerHeight;
    if (by) window.scrollBy({ top: by, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }
}
