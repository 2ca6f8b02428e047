/* The search page: start Pagefind's UI (loaded just before this file) in [data-module="search"]
 * and give its box a visible label. Without JavaScript, or if Pagefind is missing, the page's
 * links to the archives still work. */
(function () {
  "use strict";

  function labelInput(root) {
    var input = root.querySelector("input");
    if (!input || input.id) {
      return;
    }
    input.id = root.id + "-input";
    var label = document.createElement("label");
    label.className = "search__label";
    label.htmlFor = input.id;
    label.textContent = root.getAttribute("data-label") || "Search";
    root.insertBefore(label, root.firstChild);
  }

  function start() {
    var root = document.querySelector('[data-module="search"]');
    if (!root || root.hasAttribute("data-search-init") || typeof window.PagefindUI !== "function") {
      return;
    }
    root.setAttribute("data-search-init", "");
    try {
      new window.PagefindUI({
        element: "#" + root.id,
        bundlePath: root.getAttribute("data-bundle-path") || undefined,
        baseUrl: root.getAttribute("data-base-url") || "/",
        showImages: false,
        showSubResults: true,
        autofocus: false,
        translations: { placeholder: "" }
      });
      labelInput(root);
    } catch (error) {
      root.removeAttribute("data-search-init");
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
