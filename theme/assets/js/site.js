// The site's script bundle (esbuild bundles this entry and what it imports into one module):
// start every component on the page. Each one is independent: one that fails is logged and
// the rest still start. Components mark their root (data-<module>-init), so running this twice
// is harmless, and re-sync themselves on pageshow (back/forward cache).
import { Checklist } from 'reflection-checklists/checklist.js';
import { MyReflections } from 'reflection-checklists/my-reflections.js';
import { ExitPage } from './exit-page.js';

const COMPONENTS = {
  checklist: Checklist,
  'my-reflections': MyReflections,
  'exit-page': ExitPage
};

for (const root of document.querySelectorAll('[data-module]')) {
  const Component = COMPONENTS[root.dataset.module];
  if (!Component) continue;
  try {
    new Component(root);
  } catch (error) {
    console.error(error);
  }
}
