// Pelican's Markdown files: a header of `Key: value` lines, a blank line, then the text.
// Registered with CMS.registerCustomFormat as `pelican` (tools/editor/page/editor.mjs).
//
// Saving changes only what was edited: each header line whose value is unchanged is written
// back exactly as it was (its spelling, its place, a date as written), a changed value
// rewrites that one line, a new key goes where the site's files put it, and the text after the
// header is the body field as it stands.

const KEY = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]*(.*)$/;
const CONTINUED = /^(?: {4}|\t)/;

// The order the site's files write their keys in (a key not yet in a file goes here).
export const KEY_ORDER = ['title', 'lang', 'date', 'modified', 'category', 'tags', 'slug', 'step', 'safety',
  'summary', 'example', 'template'];
// Keys the form shows as switches: `Safety: yes`.
export const YES_NO_KEYS = ['safety', 'example'];
// Where the original header travels with the entry's data until it is saved.
export const WRITTEN_HEADER = 'written_header';
const YES = ['yes', 'true', '1', 'on'];

function readHeader(text) {
  const lines = text.split('\n');
  const groups = []; // [{key, lines: [..]}]
  let at = 0;
  for (; at < lines.length; at += 1) {
    const line = lines[at];
    if (line.trim() === '') {
      break;
    }
    const match = KEY.exec(line);
    if (match) {
      groups.push({ key: match[1].toLowerCase(), value: match[2], lines: [line] });
    } else if (groups.length && CONTINUED.test(line)) {
      const group = groups[groups.length - 1];
      group.lines.push(line);
      group.value += ` ${line.trim()}`;
    } else {
      return { groups: [], body: text }; // not a header: the whole file is text
    }
  }
  const rest = lines.slice(at + 1).join('\n');
  return { groups, body: at < lines.length ? rest : '' };
}

function formValue(key, value) {
  if (YES_NO_KEYS.includes(key)) {
    return YES.includes(String(value).trim().toLowerCase());
  }
  return value;
}

function headerValue(key, value) {
  if (value === undefined || value === null || value === false || value === '') {
    return null;
  }
  if (value === true) {
    return 'yes';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  return String(value).replace(/[\r\n]+/g, ' ').trim() || null;
}

function same(key, written, value) {
  const before = formValue(key, written);
  return YES_NO_KEYS.includes(key) ? before === Boolean(value) : headerValue(key, before) === headerValue(key, value);
}

function spelled(key) {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

export const pelicanFormat = {
  fromFile(text) {
    const { groups, body } = readHeader(String(text || ''));
    const data = {};
    for (const group of groups) {
      if (!(group.key in data)) {
        data[group.key] = formValue(group.key, group.value);
      }
    }
    data.body = body;
    data[WRITTEN_HEADER] = groups.map(group => group.lines.join('\n')).join('\n');
    return data;
  },

  toFile(data) {
    const written = readHeader(`${data[WRITTEN_HEADER] || ''}\n\n`).groups;
    const lines = []; // [{key, text}]
    const seen = new Set();
    for (const group of written) {
      const first = !seen.has(group.key);
      seen.add(group.key);
      if (!first || !(group.key in data) || same(group.key, group.value, data[group.key])) {
        lines.push({ key: group.key, text: group.lines.join('\n') }); // as it was written
        continue;
      }
      const value = headerValue(group.key, data[group.key]);
      if (value !== null) {
        const name = KEY.exec(group.lines[0])[1];
        lines.push({ key: group.key, text: `${name}: ${value}` });
      }
    }
    for (const key of KEY_ORDER) {
      const value = headerValue(key, data[key]);
      if (seen.has(key) || value === null) {
        continue;
      }
      // before the first line whose key comes later in KEY_ORDER
      const later = lines.findIndex(line => KEY_ORDER.indexOf(line.key) > KEY_ORDER.indexOf(key));
      const line = { key, text: `${spelled(key)}: ${value}` };
      lines.splice(later < 0 ? lines.length : later, 0, line);
    }
    const header = lines.map(line => line.text).join('\n');
    return `${header}${header ? '\n\n' : ''}${data.body || ''}`;
  },
};
