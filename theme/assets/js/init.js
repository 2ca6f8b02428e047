// Start every component on the page. Each one is independent: one that fails is logged
// and the rest still start. Components mark their root (data-<module>-init), so running
// this twice is harmless, and re-sync themselves on pageshow (back/forward cache).

const COMPONENTS = {
  checklist: Checklist,
  'my-reflections': MyReflections,
  'exit-page': ExitPage
};

function initAll (scope = document) {
  for (const root of scope.querySelectorAll('[data-module]')) {
    const Component = COMPONENTS[root.dataset.module];
    if (!Component) continue;
    try {
      new Component(root);
    } catch (error) {
      console.error(error);
    }
  }
}

initAll();
