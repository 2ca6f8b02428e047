// The search page's only script bundle: the Exit control, and a small search form of the site's
// own over Pagefind's index. Pagefind's code (/pagefind/pagefind.js and its index) loads only
// once the reader starts typing, so opening the page costs no more than any other page.
// Without JavaScript, or if the index is missing, the page's links to the archives still work.
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

const PAGE_SIZE = 10;

class Search {
  constructor (root) {
    if (root.hasAttribute('data-search-init')) return;
    const data = root.dataset;
    this.text = { one: data.i18nOne, other: data.i18nOther, none: data.i18nNone, more: data.i18nMore, failed: data.i18nFailed };
    if (!data.bundlePath || !data.label || Object.values(this.text).some((text) => !text)) {
      throw new Error('Search: a data-* setting is missing');
    }
    this.root = root;
    this.plural = new Intl.PluralRules(document.documentElement.lang || 'en');
    const id = `${root.id}-input`;
    const label = Object.assign(document.createElement('label'), { className: 'search__label', htmlFor: id, textContent: data.label });
    this.input = Object.assign(document.createElement('input'), { className: 'search__input', id, type: 'search', autocomplete: 'off' });
    // The count of results is announced when it changes; the results follow it as links.
    this.status = Object.assign(document.createElement('p'), { className: 'search__status' });
    this.status.setAttribute('role', 'status');
    this.list = Object.assign(document.createElement('ol'), { className: 'search__results' });
    this.more = Object.assign(document.createElement('button'), { className: 'button button--secondary', type: 'button', textContent: this.text.more, hidden: true });
    root.append(label, this.input, this.status, this.list, this.more);
    this.input.addEventListener('input', () => this.search());
    // The button may hide once every result is shown: focus moves to the first new result.
    this.more.addEventListener('click', async () => {
      const before = this.list.children.length;
      await this.show();
      this.list.children[before]?.querySelector('a').focus();
    });
    root.setAttribute('data-search-init', '');
  }

  // Pagefind, loaded on first use; its results link under the site's own path.
  pagefind () {
    this.loading ||= import(`${this.root.dataset.bundlePath}pagefind.js`).then(async (pagefind) => {
      await pagefind.options({ baseUrl: this.root.dataset.baseUrl || '/' });
      return pagefind;
    });
    return this.loading;
  }

  async search () {
    const term = this.input.value.trim();
    let found = null;
    try {
      const pagefind = await this.pagefind();
      found = term ? await pagefind.debouncedSearch(term, {}, 250) : { results: [] };
    } catch (error) {
      // No index (a draft build) or it could not load: say so, the page's links still lead on.
      console.error('Search: Pagefind could not search', error);
      this.status.textContent = this.text.failed;
      return;
    }
    if (found === null || term !== this.input.value.trim()) return;  // a newer search replaced this one
    this.results = found.results;
    this.shown = 0;
    this.list.replaceChildren();
    const count = this.results.length;
    const words = !term ? '' : count ? this.text[this.plural.select(count) === 'one' ? 'one' : 'other'] : this.text.none;
    this.status.textContent = words.replace('{count}', count).replace('{term}', () => term);
    await this.show();
  }

  // The next results, as links with their excerpt; Pagefind's <mark> stays, any other markup is text.
  async show () {
    const results = this.results;
    const batch = results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    this.more.hidden = this.shown >= results.length;
    let found;
    try {
      found = await Promise.all(batch.map((result) => result.data()));
    } catch (error) {
      console.error('Search: Pagefind could not read a result', error);
      return;
    }
    if (results !== this.results) return;  // the reader typed again meanwhile
    for (const data of found) {
      const item = this.list.appendChild(Object.assign(document.createElement('li'), { className: 'search__result' }));
      const title = item.appendChild(Object.assign(document.createElement('p'), { className: 'search__result-title' }));
      title.append(Object.assign(document.createElement('a'), { className: 'search__result-link', href: data.url, textContent: data.meta.title || data.url }));
      const excerpt = item.appendChild(Object.assign(document.createElement('p'), { className: 'search__result-excerpt' }));
      for (const node of new DOMParser().parseFromString(data.excerpt, 'text/html').body.childNodes) {
        excerpt.append(node.nodeName === 'MARK' ? Object.assign(document.createElement('mark'), { textContent: node.textContent }) : node.textContent);
      }
    }
  }
}

startComponents({ 'exit-page': ExitPage, search: Search });
