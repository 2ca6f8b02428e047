// The search page's only script bundle: the Exit control, and Pagefind's UI (its own script,
// loaded just before this module, defines window.PagefindUI) in [data-module="search"] with a
// visible label for its box. Without JavaScript, or if Pagefind is missing, the page's links to
// the archives still work.
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

startComponents({ 'exit-page': ExitPage });

function labelInput (root) {
  const input = root.querySelector('input');
  if (!input || input.id) return;
  input.id = `${root.id}-input`;
  const label = document.createElement('label');
  label.className = 'search__label';
  label.htmlFor = input.id;
  label.textContent = root.dataset.label || 'Search';
  root.prepend(label);
}

const root = document.querySelector('[data-module="search"]');
if (root && !root.hasAttribute('data-search-init')) {
  try {
    if (typeof window.PagefindUI !== 'function') throw new Error('Search: Pagefind UI did not load');
    new window.PagefindUI({
      element: `#${root.id}`,
      bundlePath: root.dataset.bundlePath || undefined,
      baseUrl: root.dataset.baseUrl || '/',
      showImages: false,
      showSubResults: true,
      autofocus: false,
      translations: { placeholder: '' }
    });
    labelInput(root);
    root.setAttribute('data-search-init', '');
  } catch (error) {
    console.error(error);
  }
}
