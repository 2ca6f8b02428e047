// Starts Decap CMS with this site's formats, widget and checklist component (index.html loads
// Decap first, with CMS_MANUAL_INIT set, then this module).

import { createBodyControl } from './body-widget.mjs';
import { checklistComponent } from './checklist.mjs';
import { pelicanFormat } from './pelican-format.mjs';
import { practiceFormat } from './practice-format.mjs';
import { registerSaveStatus } from './save-status.mjs';

const { CMS, h, createClass } = window;

CMS.registerCustomFormat('pelican', 'md', pelicanFormat);
CMS.registerCustomFormat('practice-toml', 'toml', practiceFormat);
CMS.registerEditorComponent(checklistComponent);
CMS.registerWidget('pelican-body', createBodyControl({ h, createClass, component: checklistComponent }));
registerSaveStatus(CMS, document.querySelector('.save-status'));
CMS.init();
