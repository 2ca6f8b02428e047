// Start the checklists and the "My reflections" summary on this page. Each component marks
// its root (data-<module>-init), so a theme that also starts them does no harm.
for (const root of document.querySelectorAll('[data-module="checklist"], [data-module="my-reflections"]')) {
  try {
    new (root.dataset.module === 'checklist' ? Checklist : MyReflections)(root);
  } catch (error) {
    console.error(error);
  }
}
