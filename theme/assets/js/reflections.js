// "My reflections" (the summary to print or copy), a bundle of its own: site.js imports it once
// there is something to sum up (a tick or a note, restored or new), so a reader who only reads
// never downloads it. Importing it starts it.
import { MyReflections } from 'reflection-checklists/my-reflections.js';
import { startComponents } from './start.js';

startComponents({ 'my-reflections': MyReflections });
