// The script bundle of a page without a checklist: the Exit control alone. (site.js, for pages
// with a checklist, starts it too.)
import { ExitPage } from './exit-page.js';
import { startComponents } from './start.js';

startComponents({ 'exit-page': ExitPage });
