// "Exit this page", after GOV.UK Frontend's exit-this-page component: hide the page at once,
// erase every answer this site stored, then leave without leaving this page in the history
// (location.replace). Without JavaScript it is a plain link. Shift pressed three times, each
// press within 5 seconds of the last, does the same; each press is announced. Texts come from
// data-i18n-* attributes on the component.

import { forgetAll, storageNamespace } from 'reflection-checklists/storage.js';

// Exit in one tab reaches every open tab of the site: a BroadcastChannel message, or, where
// there is none, a storage event (a key written and removed at once). Each tab then erases
// what it holds (its own session storage too) and leaves. A page of the site reached again
// with Back or Forward after an Exit in this tab leaves at once as well (a flag in this tab's
// session storage, cleared by the next ordinary visit).
const EXIT_SIGNAL = 'exit-this-page:signal';
const EXITED_FLAG = 'exit-this-page:exited';
const EXIT_SHIFT_PRESSES = 3;
const EXIT_SHIFT_TIMEOUT = 5000; // milliseconds allowed between presses, as in GOV.UK Frontend

export class ExitPage {
  constructor (root) {
    if (root.hasAttribute('data-exit-page-init')) return;
    const link = root.querySelector('.exit-page__button');
    if (!(link instanceof HTMLAnchorElement) || !link.href) throw new Error('ExitPage: no exit link');
    this.root = root;
    this.link = link;
    // The words live in the markup (partials/safety_bar.html), as GOV.UK Frontend does.
    const data = root.dataset;
    this.text = {
      activated: data.i18nActivated,
      timedOut: data.i18nTimedOut,
      pressTwoMoreTimes: data.i18nPressTwoMoreTimes,
      pressOneMoreTime: data.i18nPressOneMoreTime
    };
    if (Object.values(this.text).some((text) => !text)) throw new Error('ExitPage: a data-i18n-* text is missing');
    this.presses = 0;
    this.lastKeyWasModified = false;
    this.pressTimer = null;
    this.messageTimer = null;
    this.overlay = null;

    this.status = document.createElement('span');
    this.status.className = 'visually-hidden';
    this.status.setAttribute('role', 'status');
    this.status.dataset.exitStatus = '';
    root.append(this.status);
    this.indicator = document.createElement('span');
    this.indicator.className = 'exit-page__indicator';
    this.indicator.setAttribute('aria-hidden', 'true');
    for (let light = 0; light < EXIT_SHIFT_PRESSES; light++) {
      this.indicator.append(Object.assign(document.createElement('span'), { className: 'exit-page__light' }));
    }
    link.append(this.indicator);

    link.addEventListener('click', (event) => {
      event.preventDefault();
      this.exit();
    });
    // Capture phase on keyup, as GOV.UK does: it also counts in text fields, by design.
    document.addEventListener('keyup', (event) => this.keyup(event), true);
    window.addEventListener('pageshow', (event) => {
      if (this.cameBackAfterExit(event)) this.leave();
      else this.reset();
    });
    this.listenToOtherTabs();
    root.setAttribute('data-exit-page-init', '');
  }

  listenToOtherTabs () {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(EXIT_SIGNAL);
      this.channel.addEventListener('message', (event) => { if (event.data === 'exit') this.leave(); });
    }
    window.addEventListener('storage', (event) => { if (event.key === EXIT_SIGNAL && event.newValue) this.leave(); });
  }

  tellOtherTabs () {
    if (this.channel) {
      this.channel.postMessage('exit');
      return;
    }
    try {
      localStorage.setItem(EXIT_SIGNAL, String(Date.now()));
      localStorage.removeItem(EXIT_SIGNAL);
    } catch (error) {
      console.warn('ExitPage: other tabs could not be told', error);
    }
  }

  // Back or Forward to this page after an Exit in this tab (or a page restored from the cache).
  // Where this tab's storage is blocked there is no flag: Back shows the page as it is (its
  // boxes were emptied before leaving).
  cameBackAfterExit (event) {
    if (session('getItem', EXITED_FLAG) !== '1') return false;
    const navigation = performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    if (event.persisted || (navigation && navigation.type === 'back_forward')) return true;
    session('removeItem', EXITED_FLAG);  // an ordinary visit: the reader came on purpose
    return false;
  }

  keyup (event) {
    if (event.key === 'Shift' && !this.lastKeyWasModified) {
      this.presses += 1;
      this.showPresses();
      window.clearTimeout(this.messageTimer);
      if (this.presses >= EXIT_SHIFT_PRESSES) {
        this.presses = 0;
        window.clearTimeout(this.pressTimer);
        this.pressTimer = null;
        this.exit();
        return;
      }
      this.status.textContent = this.presses === 1 ? this.text.pressTwoMoreTimes : this.text.pressOneMoreTime;
      window.clearTimeout(this.pressTimer);
      this.pressTimer = window.setTimeout(() => this.expire(), EXIT_SHIFT_TIMEOUT);
    } else if (this.pressTimer) {
      this.expire();
    }
    // Shift held for a capital letter (Shift+A) is typing, not a press.
    this.lastKeyWasModified = event.shiftKey;
  }

  expire () {
    window.clearTimeout(this.pressTimer);
    this.pressTimer = null;
    this.presses = 0;
    this.showPresses();
    this.status.textContent = this.text.timedOut;
    this.messageTimer = window.setTimeout(() => { this.status.textContent = ''; }, EXIT_SHIFT_TIMEOUT);
  }

  showPresses () {
    this.indicator.classList.toggle('exit-page__indicator--visible', this.presses > 0);
    [...this.indicator.children].forEach((light, index) => {
      light.classList.toggle('exit-page__light--on', index < this.presses);
    });
  }

  exit () {
    this.tellOtherTabs();
    this.leave();
  }

  // Hide the page at once, erase what this tab holds, and go to the neutral page.
  leave () {
    this.status.textContent = '';
    document.body.classList.add('exit-page-hide-content');
    if (!this.overlay) {
      this.overlay = document.createElement('div');
      this.overlay.className = 'exit-page-overlay';
      this.overlay.setAttribute('role', 'alert');
      document.body.append(this.overlay);
    }
    this.overlay.textContent = this.text.activated;
    eraseEverything();
    session('setItem', EXITED_FLAG, '1');
    location.replace(this.link.href);
  }

  // Back to a page kept in the back/forward cache: show it again.
  reset () {
    document.body.classList.remove('exit-page-hide-content');
    this.overlay?.remove();
    this.overlay = null;
    this.status.textContent = '';
    this.presses = 0;
    this.showPresses();
    window.clearTimeout(this.pressTimer);
    window.clearTimeout(this.messageTimer);
    this.pressTimer = null;
  }
}

// This tab's "exited" flag. Blocked storage is logged and read as no flag.
function session (method, ...args) {
  try {
    return sessionStorage[method](...args);
  } catch (error) {
    console.warn('ExitPage: this tab\'s storage cannot be used', error);
    return null;
  }
}

// Every answer and note of this site, from both storages and from this page itself.
function eraseEverything () {
  forgetAll(storageNamespace());
  for (const input of document.querySelectorAll('.checklist input[type="checkbox"]')) input.checked = false;
  for (const notes of document.querySelectorAll('.checklist textarea')) notes.value = '';
}
