// After each save: what the site's build says about the saved file, in the status area at the
// bottom of the page (index.html). The file is saved either way; a problem is shown in the
// build's own words, so it can be fixed and saved again.

function show(root, text, messages = []) {
  root.querySelector('[data-status-text]').textContent = text;
  const list = root.querySelector('[data-status-messages]');
  list.replaceChildren(...messages.map(message => {
    const item = document.createElement('li');
    item.className = `save-status__message save-status__message--${message.level}`;
    item.textContent = message.text;
    return item;
  }));
  root.dataset.state = messages.some(message => message.level !== 'warning') ? 'problem' : 'ok';
}

function summary(result) {
  const files = result.paths.join(' and ');
  const others = result.other_problems
    ? ` The build also names ${result.other_problems} problem${result.other_problems === 1 ? '' : 's'} in other files (run make html to see them).`
    : '';
  if (!result.messages.length) {
    return `Saved ${files}. The site's build accepts it.${others}`;
  }
  if (result.ok) {
    return `Saved ${files}. The build accepts it, with a warning (make publish stops on warnings):${others}`;
  }
  return `Saved ${files}, but the site's build refuses it as it is. Your text is saved: fix what the build says, then save again.${others}`;
}

export async function checkLastSave(root) {
  show(root, 'Saved. Checking it with the site’s build…');
  root.dataset.state = 'checking';
  try {
    const response = await fetch('/editor/check', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    const result = await response.json();
    if (!response.ok) {
      show(root, result.error || 'The check could not run.', []);
      return;
    }
    show(root, summary(result), result.messages);
  } catch (error) {
    show(root, 'Saved, but the check could not reach the editor’s server: is `make edit` still running?');
  }
}

export function registerSaveStatus(CMS, root) {
  CMS.registerEventListener({ name: 'postSave', handler: () => { checkLastSave(root); } });
  const preview = root.dataset.previewUrl;
  if (preview) {
    const link = document.createElement('a');
    link.href = preview;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = 'See the site (live preview)';
    link.className = 'save-status__preview';
    root.append(link);
  }
}
