// The admin's search boxes (select2: tags, byline authors, library images, logins) tied to
// their field's label, so screen readers name them, and their lists holding only list
// items. Used by every desk form with one.
(function () {
  "use strict";

  // select2's boxes (tags, byline authors, the library image) are not tied to their
  // field's label: tie them. A single choice's search box opens in a dropdown of its own,
  // named after the select by aria-controls="select2-<id>-results".
  function labelSearchBoxes(root) {
    root.querySelectorAll(".select2-dropdown .select2-search__field[aria-controls]").forEach(function (box) {
      const match = /^select2-(.+)-results$/.exec(box.getAttribute("aria-controls"));
      const label = match && document.querySelector("label[for='" + match[1] + "']");
      if (!label) return;
      if (!label.id) label.id = match[1] + "-label";
      box.setAttribute("aria-labelledby", label.id);
    });
    root.querySelectorAll(".select2-container").forEach(function (container) {
      const select = container.previousElementSibling;
      const label = select && select.id && document.querySelector("label[for='" + select.id + "']");
      if (!label) return;
      if (!label.id) label.id = select.id + "-label";
      container.querySelectorAll("[role=combobox], [role=textbox], .select2-search__field").forEach(function (box) {
        const named = (box.getAttribute("aria-labelledby") || "").split(" ");
        if (!named.includes(label.id)) {
          box.setAttribute("aria-labelledby", [label.id].concat(named).join(" ").trim());
        }
      });
    });
  }
  // A multiple choice's "remove all" cross is put inside the list of chosen items, where
  // only list items belong (screen readers miscount the list): move it beside the list,
  // still inside the box that handles its click. select2 puts a new one in each time the
  // choices change, so an earlier one moved out is dropped, as is one left with no choice.
  function moveClearButtons(root) {
    root.querySelectorAll(".select2-selection--multiple").forEach(function (box) {
      const fresh = box.querySelector(".select2-selection__rendered > .select2-selection__clear");
      if (!fresh && box.querySelector(".select2-selection__choice")) return;
      box.querySelectorAll(":scope > .select2-selection__clear").forEach(function (old) { old.remove(); });
      if (fresh) box.insertBefore(fresh, box.firstChild);
    });
  }
  function tidy(root) {
    labelSearchBoxes(root);
    moveClearButtons(root);
  }
  document.addEventListener("DOMContentLoaded", function () {
    tidy(document);
    new MutationObserver(function () { tidy(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
