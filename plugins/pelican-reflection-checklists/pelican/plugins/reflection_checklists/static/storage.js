// Saved checklist answers. The only file that touches browser storage: every access is
// wrapped, because storage can be blocked, full, or hold anything at all.
// An ES module: the checklist, the summary and a theme's Exit control import it.
// A record: {"v":1,"items":{"<key>":true},"notes":"...","remember":true}, kept under
// "<namespace>:v1:<path>:<checklist id>" in sessionStorage (this tab) and, when the reader
// opts in, in localStorage too (this device). Safety items are never part of a record:
// the checklist leaves them out, and load() ignores any key it was not asked for.

const STORAGE_VERSION = 1;
export const TAB = 'sessionStorage';
export const DEVICE = 'localStorage';

// `path`: the page the checklist is on (the first-session summary reads other pages' records).
export function storageKey (namespace, id, path = location.pathname) {
  return `${namespace}:v${STORAGE_VERSION}:${path}:${id}`;
}

// Keep what can be trusted in a stored text. Returns {record, damaged}; record is null
// when nothing usable is left. Unknown item keys (items an author removed) are ignored.
function readRecord (text, known) {
  let data;
  try { data = JSON.parse(text); } catch { return { record: null, damaged: true }; }
  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
  if (!isObject(data)) return { record: null, damaged: true };
  let damaged = data.v !== STORAGE_VERSION;
  const items = new Set();
  if (isObject(data.items)) {
    for (const [key, value] of Object.entries(data.items)) {
      if (typeof value !== 'boolean') damaged = true;
      else if (value && known.includes(key)) items.add(key);
    }
  } else damaged = true;
  let notes = '';
  if (typeof data.notes === 'string') notes = data.notes;
  else if (data.notes !== undefined) damaged = true;
  return { record: { items, notes, remember: data.remember === true }, damaged };
}

export const answerStore = {
  // Prefer a usable record kept on the device, else the one kept for this tab.
  // `blocked`: this tab's storage cannot be used at all.
  load (key, known) {
    const result = { record: null, fromDevice: false, blocked: false, damaged: false };
    for (const area of [DEVICE, TAB]) {
      let text = null;
      try { text = window[area].getItem(key); } catch { result.blocked = area === TAB; }
      if (text === null) continue;
      const { record, damaged } = readRecord(text, known);
      result.damaged ||= damaged;
      // Nothing usable in it: remove it, so it is reported once, not on every visit.
      if (!record) answerStore.forget(key, [area]);
      if (record) return { ...result, record, fromDevice: area === DEVICE };
    }
    return result;
  },

  // The record kept on the device for this key, as written by another tab (storage event).
  parse (text, known) {
    return text === null ? null : readRecord(text, known).record;
  },

  // Save for this tab, and on the device too if asked. False if any copy failed (storage
  // full); a copy that could not be updated keeps what it held: nothing saved is lost.
  save (key, answers, areas = answers.remember ? [TAB, DEVICE] : [TAB]) {
    const text = JSON.stringify({ v: STORAGE_VERSION, ...answers });
    let saved = true;
    for (const area of areas) {
      try {
        window[area].setItem(key, text);
      } catch {
        saved = false;
      }
    }
    return saved;
  },

  forget (key, areas = [TAB, DEVICE]) {
    for (const area of areas) {
      try {
        window[area].removeItem(key);
      } catch (error) {
        console.warn('Checklist: a saved answer could not be removed', error);
      }
    }
  }
};

// Erase every record of this site ("<namespace>:..."), in both areas: "Clear my answers" and
// "Exit this page" (a theme's Exit control imports this function alone).
export function forgetAll (namespace) {
  const prefix = `${namespace}:`;
  for (const area of [TAB, DEVICE]) {
    try {
      const store = window[area];
      const keys = [];
      for (let index = 0; index < store.length; index++) {
        const key = store.key(index);
        if (key !== null && key.startsWith(prefix)) keys.push(key);
      }
      for (const key of keys) store.removeItem(key);
    } catch (error) {
      console.warn(`Checklist: ${area} could not be emptied`, error);
    }
  }
}

// The namespace comes from the checklist's own data-storage-namespace (written by the
// plugin), so any theme works; a theme may also set it on <body> for its own components.
export function storageNamespace (element = document.body) {
  const owner = element && element.closest('[data-storage-namespace]');
  return (owner && owner.dataset.storageNamespace) || 'reflection-checklists';
}
