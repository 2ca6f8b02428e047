// The article text: Markdown in a plain text box, saved exactly as written, with each
// checklist in it opened as a form (registered as the `pelican-body` widget by editor.mjs).
//
// Decap's own Markdown widget either rewrites the whole text in its rich mode (lists, spacing,
// and the `///` checklist blocks) or, in its raw mode, offers no editor components. So the text
// stays raw here, and the checklist editor component (checklist.mjs, also registered with
// CMS.registerEditorComponent) is opened from buttons above the text: its fields become a form,
// its toBlock writes the block back. While the form is open the text box is read-only, so the
// block the form replaces is the one it opened.

import { findChecklists, insertBlock, newChecklist, readChecklist } from './checklist.mjs';

// The form's own words for a missing or wrong value, in the build's terms.
const MESSAGES = {
  title: 'Write the question readers answer.',
  id: 'It needs a short name that keeps readers’ answers when you edit the list, e.g. everyday-signs.',
  items: 'It has no items. Add one statement readers can tick.',
  'items.text': 'This item is empty. Write the statement readers can tick.',
  reflections: 'Add at least one reflection.',
  'reflections.range': 'Write which counts this reflection is for: `0`, `1-3` or `4+`.',
  'reflections.text': 'This reflection is empty. Write what ticking that many might mean.',
};

function blank(value) {
  return value === undefined || value === null || (typeof value === 'string' && !value.trim()) ||
    (Array.isArray(value) && !value.length);
}

/** {"items.0.text": message, ...} for a checklist draft, by the component's fields. */
export function problems(fields, data, prefix = '', kind = '') {
  const found = {};
  for (const field of fields) {
    const key = kind ? `${kind}.${field.name}` : field.name;
    const path = `${prefix}${field.name}`;
    const value = data[field.name];
    if (field.required !== false && field.widget !== 'boolean' && blank(value)) {
      found[path] = MESSAGES[key] || `Fill in “${field.label}”.`;
    } else if (field.pattern && !blank(value) && !new RegExp(field.pattern[0]).test(String(value).trim())) {
      found[path] = field.pattern[1].charAt(0).toUpperCase() + field.pattern[1].slice(1) +
        (field.pattern[1].endsWith('.') ? '' : '.');
    }
    if (field.widget === 'list' && Array.isArray(value)) {
      value.forEach((item, index) => Object.assign(found, problems(field.fields, item, `${path}.${index}.`, field.name)));
    }
  }
  return found;
}

function setIn(data, path, value) {
  const [head, ...rest] = path;
  const copy = Array.isArray(data) ? [...data] : { ...data };
  copy[head] = rest.length ? setIn(data[head], rest, value) : value;
  return copy;
}

function emptyItem(field) {
  return Object.fromEntries(field.fields.map(sub => [sub.name, sub.widget === 'boolean' ? false : '']));
}

export function createBodyControl({ h, createClass, component }) {
  return createClass({
    getInitialState() {
      return { editing: null };
    },

    text() {
      return typeof this.props.value === 'string' ? this.props.value : '';
    },

    open(found) {
      const draft = found ? readChecklist(found.block) : newChecklist();
      const position = this.textarea ? this.textarea.selectionStart : this.text().length;
      this.setState({ editing: { found, position, draft, errors: {} } }, () => this.focusIn('title'));
    },

    close(focusText) {
      this.setState({ editing: null }, () => {
        if (focusText && this.textarea) {
          this.textarea.focus();
        }
      });
    },

    apply() {
      const { editing } = this.state;
      const errors = problems(component.fields, editing.draft);
      if (Object.keys(errors).length) {
        this.setState({ editing: { ...editing, errors } }, () => this.focusIn(Object.keys(errors)[0]));
        return;
      }
      const block = component.toBlock(editing.draft);
      const text = this.text();
      const found = editing.found;
      this.props.onChange(found ? text.slice(0, found.start) + block + text.slice(found.end)
        : insertBlock(text, editing.position, block));
      this.close(true);
    },

    remove() {
      const { found } = this.state.editing;
      const text = this.text();
      this.props.onChange(text.slice(0, found.start).replace(/\n+$/, '\n') + text.slice(found.end).replace(/^\n+/, '\n'));
      this.close(true);
    },

    change(path, value) {
      this.setState(state => ({ editing: { ...state.editing, draft: setIn(state.editing.draft, path, value) } }));
    },

    fieldId(path) {
      return `${this.props.forID}-checklist-${path.replace(/\./g, '-')}`;
    },

    focusIn(path) {
      const element = document.getElementById(this.fieldId(path));
      if (element) {
        element.focus();
      }
    },

    renderHint(field, id) {
      return field.hint ? h('p', { className: 'checklist-form__hint', id: `${id}-hint` }, field.hint) : null;
    },

    renderError(id, path) {
      const message = this.state.editing.errors[path];
      return message ? h('p', { className: 'checklist-form__error', id: `${id}-error` }, message) : null;
    },

    described(field, id, path) {
      const ids = [field.hint ? `${id}-hint` : '', this.state.editing.errors[path] ? `${id}-error` : ''].filter(Boolean);
      return ids.length ? ids.join(' ') : undefined;
    },

    renderField(field, value, path) {
      const key = path.join('.');
      const id = this.fieldId(key);
      const invalid = Boolean(this.state.editing.errors[key]);
      if (field.widget === 'boolean') {
        return h('div', { className: 'checklist-form__field checklist-form__field--switch', key },
          h('input', { type: 'checkbox', id, checked: Boolean(value), 'aria-describedby': this.described(field, id, key),
            onChange: event => this.change(path, event.target.checked) }),
          h('label', { htmlFor: id }, field.label),
          this.renderHint(field, id));
      }
      if (field.widget === 'list') {
        const items = Array.isArray(value) ? value : [];
        const singular = field.label_singular || field.label;
        return h('fieldset', { className: 'checklist-form__list', key, id, tabIndex: -1,
          'aria-describedby': this.described(field, id, key) },
          h('legend', null, field.label),
          this.renderHint(field, id),
          this.renderError(id, key),
          items.map((item, index) => h('fieldset', { className: 'checklist-form__item', key: `${key}.${index}` },
            h('legend', null, `${singular.charAt(0).toUpperCase()}${singular.slice(1)} ${index + 1}`),
            field.fields.map(sub => this.renderField(sub, item[sub.name], [...path, index, sub.name])),
            h('button', { type: 'button', className: 'checklist-form__remove',
              onClick: () => this.change(path, items.filter((_, other) => other !== index)) },
              `Remove ${singular} ${index + 1}`))),
          h('button', { type: 'button', className: 'checklist-form__add',
            onClick: () => this.change(path, [...items, emptyItem(field)]) }, `Add a ${singular}`));
      }
      const control = field.widget === 'text' ? 'textarea' : 'input';
      return h('div', { className: 'checklist-form__field', key },
        h('label', { htmlFor: id }, field.label),
        this.renderHint(field, id),
        this.renderError(id, key),
        h(control, { id, value: value === undefined || value === null ? '' : String(value),
          type: control === 'input' ? 'text' : undefined, rows: control === 'textarea' ? 3 : undefined,
          'aria-invalid': invalid || undefined, 'aria-describedby': this.described(field, id, key),
          onChange: event => this.change(path, event.target.value) }));
    },

    renderForm() {
      const { editing } = this.state;
      const headingId = `${this.props.forID}-checklist-heading`;
      const count = Object.keys(editing.errors).length;
      return h('div', { className: 'checklist-form', role: 'group', 'aria-labelledby': headingId },
        h('h3', { id: headingId, className: 'checklist-form__heading' },
          editing.found ? 'Change the checklist' : 'New checklist'),
        h('p', { className: 'checklist-form__hint' },
          'The text below is read-only while this form is open. The checklist is written into the text ' +
          'when you choose “Put the checklist in the text”; save the article as usual afterwards.'),
        count ? h('p', { className: 'checklist-form__error', role: 'alert' },
          `${count} ${count === 1 ? 'thing needs' : 'things need'} fixing before the checklist can go in the text.`) : null,
        component.fields.map(field => this.renderField(field, editing.draft[field.name], [field.name])),
        h('div', { className: 'checklist-form__actions' },
          h('button', { type: 'button', className: 'checklist-form__apply', onClick: this.apply },
            'Put the checklist in the text'),
          h('button', { type: 'button', onClick: () => this.close(true) }, 'Cancel'),
          editing.found ? h('button', { type: 'button', className: 'checklist-form__remove', onClick: this.remove },
            'Remove the checklist from the text') : null));
    },

    renderChecklists() {
      const found = findChecklists(this.text());
      const open = Boolean(this.state.editing);
      return h('div', { className: 'pelican-body__checklists', role: 'group', 'aria-label': 'Checklists in this text' },
        h('p', { className: 'pelican-body__title' }, found.length ? 'Checklists in this text:' : 'No checklist in this text yet.'),
        found.length ? h('ul', null, found.map((item, index) => h('li', { key: index },
          item.data
            ? [h('span', { key: 'title' }, `“${item.data.title || 'Untitled'}” `),
              h('button', { key: 'edit', type: 'button', disabled: open, onClick: () => this.open(item),
                'aria-label': `Change the checklist “${item.data.title || 'Untitled'}”` }, 'Change')]
            : h('span', { className: 'pelican-body__unreadable' }, item.end < 0
              ? 'A checklist here has no closing `///` line: add one in the text below its last line.'
              : 'A checklist written in a way this form cannot open without changing it: change it in the text.')))) : null,
        h('button', { type: 'button', disabled: open, onClick: () => this.open(null) }, 'Insert a checklist at the cursor'));
    },

    render() {
      const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
      return h('div', { className: 'pelican-body' },
        this.renderChecklists(),
        this.state.editing ? this.renderForm() : null,
        h('textarea', {
          id: forID, className: `${classNameWrapper || ''} pelican-body__text`, value: this.text(), rows: 24,
          readOnly: Boolean(this.state.editing), spellCheck: true,
          ref: element => { this.textarea = element; },
          onFocus: setActiveStyle, onBlur: setInactiveStyle,
          onChange: event => this.props.onChange(event.target.value),
        }));
    },
  });
}
