// The script bundle of a page with a checklist (esbuild bundles this entry and what it imports
// into one module). Other pages load page.js (Exit alone); the search and first-session pages
// have bundles of their own, which start Exit too.
import { Checklist } from 'reflection-checklists/checklist.js';
import { MyReflections } from 'reflection-checklists/my-reflections.js';
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

startComponents({
  checklist: Checklist,
  'my-reflections': MyReflections,
  'exit-page': ExitPage
});
