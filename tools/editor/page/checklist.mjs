// A checklist as a form: read a `/// checklist` block into plain data, and write data back as
// exactly the block syntax the checklist plugin reads (plugins/pelican-reflection-checklists,
// README "Write a checklist"). No Decap here: tools/editor/page/editor.mjs registers
// `checklistComponent` with CMS.registerEditorComponent, the article-text widget opens it as a
// form, and the tests run these functions in Node on every checklist in content/.
//
// A checklist is only offered as a form when writing it back gives the very same bytes
// (`readChecklist` returns null otherwise): the form never rewrites a block it did not write.

const OPEN = /^\/\/\/ checklist(?: \| ?(.*))?$/;
const OPTION = /^ {4}([a-z_]+):(?: (.*))?$/;
const ITEM = /^- \[ \] (.*)$/;
const MARKS = /^(.*?)[ \t]*\{([^{}]*)\}[ \t]*$/;
const REFLECTION = /^\/\/\/\/ reflection \| (.*)$/;

// The options the plugin knows, in the order a new checklist writes them.
export const OPTIONS = ['id', 'hint', 'notes', 'safety_message', 'gate', 'gate_message'];
// The plugin's own rules (checklist.py: RE_ID, RE_RANGE) and words.
export const ID_PATTERN = '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$';
export const ID_RULE = 'use lowercase letters, digits and single hyphens, starting with a letter, e.g. `everyday-signs`';
export const RANGE_PATTERN = '^\\d+(?:-\\d+|\\+)?$';
export const RANGE_RULE = 'Write `0` (one count), `1-3` (from 1 to 3) or `4+` (4 or more).';

// --- option values: YAML scalars, as the plugin reads them --------------------------------

function readScalar(raw) {
  const text = (raw || '').replace(/^[ \t]+|[ \t]+$/g, '');
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null; // a YAML escape JSON does not know: left to the text, not the form
    }
  }
  if (text.startsWith("'")) {
    return text.endsWith("'") && text.length > 1 ? text.slice(1, -1).replace(/''/g, "'") : null;
  }
  return text;
}

const YES = ['true', 'yes', 'on'];
const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?[\d._]+(?:e[-+]?\d+)?|\.inf|\.nan)$/i;

function writeScalar(value) {
  const text = oneLine(value);
  const plain = text && !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) && !/: |:$| #/.test(text) && !YAML_WORDS.test(text);
  return plain ? text : JSON.stringify(text);
}

function optionValue(name, raw) {
  const value = readScalar(raw);
  if (name === 'notes') {
    return value === null ? null : YES.includes(String(value).toLowerCase());
  }
  return value;
}

// --- one block ---------------------------------------------------------------------------

function readItem(line) {
  const match = ITEM.exec(line);
  if (!match) {
    return null;
  }
  let text = match[1];
  let key = '';
  let safety = false;
  const marked = MARKS.exec(text);
  if (marked) {
    text = marked[1];
    for (const mark of marked[2].split(/\s+/).filter(Boolean)) {
      if (mark === '.safety') {
        safety = true;
      } else if (/^#[a-z][a-z0-9-]*$/.test(mark)) {
        key = mark.slice(1);
      } else {
        return null;
      }
    }
  }
  return { text, safety, key };
}

/**
 * The checklist written in `block` (from its `/// checklist` line to its closing `///`, no
 * newline after), or null when the form cannot write it back byte for byte.
 */
export function readChecklist(block) {
  const lines = block.split('\n');
  const header = OPEN.exec(lines[0]);
  if (!header || lines[lines.length - 1] !== '///') {
    return null;
  }
  const data = { title: header[1] || '', items: [], reflections: [], written_options: [] };
  for (const name of OPTIONS) {
    data[name] = name === 'notes' ? false : '';
  }
  let at = 1;
  for (; at < lines.length && OPTION.test(lines[at]); at += 1) {
    const [, name, raw = ''] = OPTION.exec(lines[at]);
    const value = optionValue(name, raw);
    if (!OPTIONS.includes(name) || value === null || data.written_options.some(([seen]) => seen === name)) {
      return null;
    }
    data[name] = value;
    data.written_options.push([name, raw]);
  }
  if (lines[at] !== '') {
    return null;
  }
  for (at += 1; at < lines.length && ITEM.test(lines[at]); at += 1) {
    const item = readItem(lines[at]);
    if (!item) {
      return null;
    }
    data.items.push(item);
  }
  while (at < lines.length - 1) {
    if (lines[at] !== '' || !REFLECTION.test(lines[at + 1] || '')) {
      return null;
    }
    const range = REFLECTION.exec(lines[at + 1])[1];
    const end = lines.indexOf('////', at + 2);
    if (end < 0) {
      return null;
    }
    data.reflections.push({ range, text: lines.slice(at + 2, end).join('\n') });
    at = end + 1;
    if (at === lines.length - 1) {
      break;
    }
  }
  return writeChecklist(data) === block ? data : null;
}

// Only ASCII spaces, tabs and line breaks are folded: French text keeps its no-break spaces.
function oneLine(text) {
  return String(text || '').replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');
}

function optionLines(data) {
  const written = new Map(data.written_options || []);
  const order = [...written.keys(), ...OPTIONS.filter(name => !written.has(name))];
  const lines = [];
  for (const name of order) {
    const value = data[name];
    const raw = written.get(name);
    if (raw !== undefined && optionValue(name, raw) === (name === 'notes' ? Boolean(value) : value)) {
      lines.push(`    ${name}:${raw === '' ? '' : ` ${raw}`}`); // unchanged: exactly as it was written
    } else if (name === 'notes' ? value : oneLine(value)) {
      lines.push(`    ${name}: ${name === 'notes' ? 'true' : writeScalar(value)}`);
    }
  }
  return lines;
}

function itemLine(item) {
  const marks = [item.key ? `#${item.key}` : '', item.safety ? '.safety' : ''].filter(Boolean);
  return `- [ ] ${oneLine(item.text)}${marks.length ? ` {${marks.join(' ')}}` : ''}`;
}

function reflectionText(text) {
  return String(text || '').replace(/\r\n?/g, '\n').split('\n').map(line => line.replace(/[ \t]+$/, '')).join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The `/// checklist` block for `data` (no newline after the closing `///`). */
export function writeChecklist(data) {
  const lines = [`/// checklist | ${oneLine(data.title)}`, ...optionLines(data), ''];
  lines.push(...(data.items || []).map(itemLine));
  for (const reflection of data.reflections || []) {
    lines.push('', `//// reflection | ${oneLine(reflection.range)}`, reflectionText(reflection.text), '////');
  }
  lines.push('///');
  return lines.join('\n');
}

/** What a new checklist starts with: one statement, and reflections for none and for some. */
export function newChecklist() {
  return {
    title: '', id: '', hint: '', notes: false, safety_message: '', gate: '', gate_message: '',
    items: [{ text: '', safety: false, key: '' }],
    reflections: [{ range: '0', text: '' }, { range: '1+', text: '' }],
    written_options: [],
  };
}

// --- checklists in an article's text ----------------------------------------------------

const FENCE = /^(`{3,}|~{3,})/;

/**
 * Every top-level `/// checklist` block of a Markdown text, in order:
 * {start, end, block, data} (data null when the form cannot write it back unchanged;
 * end -1 when the block is never closed). Fenced code and HTML comments are skipped, as the
 * plugin skips them.
 */
export function findChecklists(text) {
  const found = [];
  const lines = text.split('\n');
  let offset = 0;
  let fence = null;
  let comment = false;
  let open = null; // {start, depth}
  for (const line of lines) {
    const next = offset + line.length + 1;
    if (open) {
      if (line === '///') {
        const block = text.slice(open.start, offset + 3);
        found.push({ start: open.start, end: offset + 3, block, data: readChecklist(block) });
        open = null;
      }
    } else if (fence) {
      if (line.startsWith(fence)) {
        fence = null;
      }
    } else if (comment) {
      comment = !line.includes('-->');
    } else if (FENCE.test(line)) {
      fence = FENCE.exec(line)[1];
    } else if (line.startsWith('<!--')) {
      comment = !line.includes('-->');
    } else if (OPEN.test(line)) {
      open = { start: offset };
    }
    offset = next;
  }
  if (open) {
    found.push({ start: open.start, end: -1, block: text.slice(open.start), data: null });
  }
  return found;
}

/** `text` with `block` put in at `position`, on lines of its own with a blank line around. */
export function insertBlock(text, position, block) {
  let before = text.slice(0, position);
  let after = text.slice(position);
  const lineStart = before.lastIndexOf('\n') + 1;
  if (before.slice(lineStart).trim()) {
    // the cursor is inside a line: the checklist goes after that line
    const lineEnd = after.indexOf('\n');
    before += lineEnd < 0 ? after : after.slice(0, lineEnd);
    after = lineEnd < 0 ? '' : after.slice(lineEnd);
  }
  before = before.replace(/[ \t\r\n]*$/, '');
  after = after.replace(/^[ \t\r\n]*/, '');
  return `${before}${before ? '\n\n' : ''}${block}\n${after ? `\n${after}` : ''}`;
}

// --- the editor component (CMS.registerEditorComponent) ---------------------------------

function escapeHtml(text) {
  return String(text || '').replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

export const checklistComponent = {
  id: 'checklist',
  label: 'Checklist',
  fields: [
    { name: 'title', label: 'Question', widget: 'string',
      hint: 'The question readers answer, e.g. “How do our talks go?”' },
    { name: 'id', label: 'Short name', widget: 'string', pattern: [ID_PATTERN, ID_RULE],
      hint: 'Readers’ answers are kept under this name: keep it when you reword the list. ' +
        'Lowercase letters, digits and hyphens, e.g. everyday-signs.' },
    { name: 'hint', label: 'Hint', widget: 'string', required: false,
      hint: 'Shown under the question, e.g. “Tick what happened this week.”' },
    { name: 'notes', label: 'Private notes box', widget: 'boolean', required: false,
      hint: 'A box where readers can write notes that stay on their device.' },
    { name: 'items', label: 'Statements', label_singular: 'statement', widget: 'list',
      hint: 'What readers can tick, one statement each. A safety item (about fear, threats or harm) is ' +
        'never counted: ticking it shows where to find help, and hides the booking buttons.',
      fields: [
        { name: 'text', label: 'Statement', widget: 'string' },
        { name: 'safety', label: 'Safety item (fear, threats or harm)', widget: 'boolean', required: false },
      ] },
    { name: 'reflections', label: 'Reflections', label_singular: 'reflection', widget: 'list',
      hint: 'What a number of ticks might mean. Together the ranges cover every count, from 0 to ' +
        'the number of statements that are not safety items.',
      fields: [
        { name: 'range', label: 'Ticked', widget: 'string', pattern: [RANGE_PATTERN, RANGE_RULE],
          hint: '0, 1-3 or 4+' },
        { name: 'text', label: 'Reflection', widget: 'text' },
      ] },
    { name: 'safety_message', label: 'Message after a safety tick', widget: 'string', required: false,
      hint: 'Leave empty for the standard message.' },
  ],
  // One block from its `/// checklist` line to the first line with just `///` (never `////`).
  pattern: /^\/\/\/ checklist(?: \|[^\n]*)?\n(?:[^\n]*\n)*?\/\/\/(?=\n|$)/,
  fromBlock(match) {
    return readChecklist(match[0]) || { written: match[0] };
  },
  toBlock(data) {
    // A block the form could not read goes back exactly as it was written.
    return data.written && !data.items ? data.written : writeChecklist(data);
  },
  toPreview(data) {
    const items = (data.items || []).map(item =>
      `<li>${escapeHtml(item.text)}${item.safety ? ' <strong>(safety item)</strong>' : ''}</li>`).join('');
    return `<section><h3>${escapeHtml(data.title)}</h3><ul>${items}</ul></section>`;
  },
};
