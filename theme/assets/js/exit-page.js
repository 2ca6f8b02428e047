// "Exit this page": leave for a neutral site without leaving this page in the history.
// Without JavaScript it is a plain link. Shift pressed three times does the same.

const EXIT_SHIFT_PRESSES = 3;
const EXIT_SHIFT_WINDOW = 1000; // milliseconds for all three presses

class ExitPage {
  constructor (link) {
    if (link.hasAttribute('data-exit-page-init')) return;
    if (!link.href) throw new Error('ExitPage: the link has no href');
    this.link = link;
    this.root = link;
    this.presses = [];
    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.exit();
    });
    document.addEventListener('keydown', (event) => this.keydown(event));
    window.addEventListener('pageshow', () => { document.body.hidden = false; });
    link.setAttribute('data-exit-page-init', '');
  }

  keydown (event) {
    if (event.key !== 'Shift') {
      this.presses = [];
      return;
    }
    if (event.repeat) return;
    const now = event.timeStamp;
    this.presses = [...this.presses.filter((time) => now - time < EXIT_SHIFT_WINDOW), now];
    if (this.presses.length >= EXIT_SHIFT_PRESSES) this.exit();
  }

  // Hide the page at once, then replace it, so Back does not bring it back.
  exit () {
    this.presses = [];
    document.body.hidden = true;
    location.replace(this.link.href);
  }
}
