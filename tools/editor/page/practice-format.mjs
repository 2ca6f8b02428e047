// practice.toml as a form, keeping the file as the therapist knows it. Registered with
// CMS.registerCustomFormat as `practice-toml` (tools/editor/page/editor.mjs).
//
// Decap's own TOML format writes the file anew and drops every comment, and this file's
// comments are its instructions. This format reads only what the form shows (text values and
// the list of languages, in [practice], [booking], [clinician] and [french]) and, on saving,
// rewrites only the value of each line that changed: comments, blank lines, order and every
// unchanged line stay byte for byte. A key the file does not have yet goes at the end of its
// section (or a new section at the end of the file).

const SECTION = /^\s*\[([A-Za-z0-9_-]+)\]\s*(?:#.*)?$/;
const ENTRY = /^(\s*([A-Za-z0-9_-]+)\s*=\s*)(.*?)(\s*(?:#[^"']*)?)$/;
export const WRITTEN_FILE = 'written_file';
// The form's one list: which languages the site is built in, as the select's value.
const LIST_KEYS = { practice: ['languages'] };

function readString(text) {
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text); // a TOML basic string is written like a JSON string
    } catch (error) {
      return undefined;
    }
  }
  if (text.startsWith("'") && text.endsWith("'") && text.length > 1) {
    return text.slice(1, -1);
  }
  return undefined;
}

function readValue(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    const items = inner ? inner.split(',').map(item => readString(item.trim())) : [];
    return items.every(item => typeof item === 'string') ? items.join(',') : undefined;
  }
  return readString(trimmed);
}

function writeString(value) {
  return JSON.stringify(String(value)).replace(/\u007f/g, '\\u007f');
}

function writeValue(section, key, value) {
  if ((LIST_KEYS[section] || []).includes(key)) {
    const items = String(value || '').split(',').map(item => item.trim()).filter(Boolean);
    return `[${items.map(writeString).join(', ')}]`;
  }
  return writeString(value === undefined || value === null ? '' : value);
}

function readLines(text) {
  const entries = []; // {section, key, line, prefix, raw, suffix, value}
  let section = '';
  text.split('\n').forEach((line, index) => {
    const header = SECTION.exec(line);
    if (header) {
      section = header[1];
      return;
    }
    const entry = !line.trim().startsWith('#') && ENTRY.exec(line);
    if (entry && section) {
      entries.push({ section, key: entry[2], index, prefix: entry[1], raw: entry[3], suffix: entry[4],
        value: readValue(entry[3]) });
    }
  });
  return entries;
}

export const practiceFormat = {
  fromFile(text) {
    const data = { [WRITTEN_FILE]: String(text || '') };
    for (const entry of readLines(data[WRITTEN_FILE])) {
      if (entry.value !== undefined) {
        data[entry.section] = data[entry.section] || {};
        data[entry.section][entry.key] = entry.value;
      }
    }
    return data;
  },

  toFile(data) {
    const text = data[WRITTEN_FILE] || '';
    const lines = text.split('\n');
    const entries = readLines(text);
    const sections = Object.keys(data).filter(name => name !== WRITTEN_FILE && data[name] && typeof data[name] === 'object');
    for (const entry of entries) {
      const values = data[entry.section] || {};
      if (entry.value === undefined || !(entry.key in values) || values[entry.key] === entry.value) {
        continue; // unchanged, or not a value the form shows: kept as written
      }
      lines[entry.index] = `${entry.prefix}${writeValue(entry.section, entry.key, values[entry.key])}${entry.suffix}`;
    }
    // Keys and sections the file does not have yet, after the last line of their section.
    const added = {};
    for (const section of sections) {
      for (const [key, value] of Object.entries(data[section])) {
        const known = entries.some(entry => entry.section === section && entry.key === key);
        if (!known && value !== undefined && value !== null && value !== '') {
          (added[section] = added[section] || []).push(`${key} = ${writeValue(section, key, value)}`);
        }
      }
    }
    const ends = {};
    let section = '';
    lines.forEach((line, index) => {
      const header = SECTION.exec(line);
      if (header) {
        section = header[1];
        ends[section] = index;
      } else if (section && line.trim() && !line.trim().startsWith('#')) {
        ends[section] = index;
      }
    });
    for (const [name, newLines] of Object.entries(added).reverse()) {
      if (name in ends) {
        lines.splice(ends[name] + 1, 0, ...newLines);
        for (const other of Object.keys(ends)) {
          if (ends[other] > ends[name]) {
            ends[other] += newLines.length;
          }
        }
      } else {
        while (lines.length && lines[lines.length - 1] === '') {
          lines.pop();
        }
        lines.push('', `[${name}]`, ...newLines, '');
      }
    }
    return lines.join('\n');
  },
};
