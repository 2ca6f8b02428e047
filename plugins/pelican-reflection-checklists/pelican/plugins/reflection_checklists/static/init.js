// Starts the checklists and the "My reflections" summary on this page: the entry module a theme
// that does not bundle these files links (the plugin writes it as reflection-checklists.js).
// Each component marks its root (data-<module>-init), so a theme that also starts them does no
// harm, and one that fails is logged while the others still start.
import { Checklist } from './checklist.js';
import { MyReflections } from './my-reflections.js';

for (const root of document.querySelectorAll('[data-module="checklist"], [data-module="my-reflections"]')) {
  try {
    new (root.dataset.module === 'checklist' ? Checklist : MyReflections)(root);
  } catch (error) {
    console.error(error);
  }
}
