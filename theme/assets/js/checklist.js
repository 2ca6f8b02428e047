// Reflection checklist: a live count, the matching reflection, the safety layer, and
// answers saved in this browser. The markup works without it (plugins/reflection_checklists).

const CHECKLIST_TEXT = {
  count: (ticked, total) => `${ticked} of ${total} ticked`,
  notSaved: "Your answers can't be saved in this browser, so they will be gone when you leave this page.",
  unreadable: 'Some of your saved answers could not be read, so they have been left out.',
  cleared: 'Your answers have been cleared.',
  // Added to the politely announced count, so screen-reader users hear that help appeared.
  safety: 'Help you can reach now is shown below.'
};

// The reflection written for this many ticks (an empty data-max means "or more").
function reflectionFor (root, ticked) {
  return [...root.querySelectorAll('.checklist__reflection')].find((reflection) =>
    ticked >= Number(reflection.dataset.min) &&
    (reflection.dataset.max === '' || ticked <= Number(reflection.dataset.max)));
}

class Checklist {
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
    this.notes = find('textarea[data-notes]');
    this.reflections = find('[data-reflections]');
    this.next = find('[data-next]');
    this.safetyPanel = find('[data-safety-panel]');
    this.key = storageKey(document.body.dataset.storageNamespace || 'reflection-checklists',
      root.dataset.checklist);
    this.told = new Set();

    this.restore();
    this.count.setAttribute('aria-live', 'polite');
    this.reflections?.setAttribute('aria-live', 'polite');
    this.count.hidden = false;
    this.controls.hidden = false;
    if (this.safetyPanel) {
      // A polite, visually hidden line so screen-reader users hear that help appeared.
      this.announcer = document.createElement('p');
      this.announcer.className = 'visually-hidden';
      this.announcer.setAttribute('aria-live', 'polite');
      this.announcer.dataset.safetyAnnouncer = '';
      this.count.after(this.announcer);
    }
    this.update();

    root.addEventListener('change', (event) => this.changed(event.target));
    root.addEventListener('input', (event) => { if (event.target === this.notes) this.changed(event.target); });
    root.addEventListener('click', (event) => { if (event.target.closest('[data-clear]')) this.clear(); });
    window.addEventListener('pageshow', () => this.update());
    root.setAttribute('data-checklist-init', '');
  }

  // Put saved answers back. Without a usable record, leave the boxes as the browser left
  // them: ticks are never thrown away because storage failed.
  restore () {
    const { record, fromDevice, blocked, damaged } = answerStore.load(this.key, this.inputs.map((input) => input.dataset.item));
    if (blocked) this.tell(CHECKLIST_TEXT.notSaved);
    else if (damaged) this.tell(CHECKLIST_TEXT.unreadable);
    if (!record) return;
    for (const input of this.inputs) input.checked = record.items.has(input.dataset.item);
    if (this.notes) this.notes.value = record.notes;
    this.remember.checked = fromDevice;
  }

  // Show a storage problem once; later ones of the same kind stay quiet.
  tell (text) {
    if (this.told.has(text)) return;
    this.told.add(text);
    this.message.textContent = text;
  }

  changed (target) {
    if (this.message.textContent === CHECKLIST_TEXT.cleared) this.message.textContent = '';
    if (target === this.remember && !this.remember.checked) answerStore.forget(this.key, [DEVICE]);
    this.update();
    this.save();
  }

  save () {
    const items = {};
    for (const input of this.inputs) if (input.checked) items[input.dataset.item] = true;
    const saved = answerStore.save(this.key, {
      items, notes: this.notes ? this.notes.value : '', remember: this.remember.checked
    });
    if (!saved) this.tell(CHECKLIST_TEXT.notSaved);
  }

  clear () {
    for (const input of this.inputs) input.checked = false;
    if (this.notes) this.notes.value = '';
    this.remember.checked = false;
    answerStore.forget(this.key);
    this.update();
    this.message.textContent = CHECKLIST_TEXT.cleared;
  }

  // Bring everything shown in line with the boxes, then tell listeners (My reflections).
  update () {
    const ticked = this.inputs.filter((input) => input.checked);
    const unsafe = ticked.some((input) => input.hasAttribute('data-safety'));
    this.count.textContent = CHECKLIST_TEXT.count(ticked.length, this.inputs.length);
    if (this.announcer) this.announcer.textContent = unsafe ? CHECKLIST_TEXT.safety : '';
    const shown = reflectionFor(this.root, ticked.length);
    for (const reflection of this.root.querySelectorAll('.checklist__reflection')) {
      reflection.hidden = reflection !== shown;
    }
    if (this.safetyPanel) {
      this.safetyPanel.hidden = !unsafe;
      if (this.next) this.next.hidden = unsafe;
    }
    this.root.dispatchEvent(new CustomEvent('checklist:change', { bubbles: true }));
  }
}
