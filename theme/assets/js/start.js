// Start every component on the page whose data-module names one of `components`. Each one is
// independent: one that fails is logged and the rest still start. Components mark their root
// (data-<module>-init), so starting twice is harmless, and re-sync themselves on pageshow.
export function startComponents (components) {
  for (const root of document.querySelectorAll('[data-module]')) {
    const Component = components[root.dataset.module];
    if (!Component) continue;
    try {
      new Component(root);
    } catch (error) {
      console.error(error);
    }
  }
}
