// The script bundle of a page with a checklist (esbuild bundles this entry and what it imports
// into one module). Other pages load page.js (Exit alone); the search and first-session pages
// have bundles of their own, which start Exit too.
//
// Exit and the checklists start at once: saved answers are restored, a safety tick shows help
// and every couples prompt steps back from the first moment. "My reflections" waits until there
// is something to sum up (reflections.js, whose URL base.html gives in data-reflections-script):
// its section stays hidden until then in any case.
import { Checklist } from 'reflection-checklists/checklist.js';
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

startComponents({ checklist: Checklist, 'exit-page': ExitPage });

const reflections = document.body.dataset.reflectionsScript;
const answered = () => document.querySelector('.checklist input:checked') ||
  [...document.querySelectorAll('.checklist textarea')].some((notes) => notes.value.trim());
const loadReflections = () => import(reflections).catch((error) => console.error('My reflections did not load', error));
if (reflections && document.querySelector('[data-module="my-reflections"]')) {
  if (answered()) loadReflections();
  else document.addEventListener('checklist:change', loadReflections, { once: true });
}
