// The admin's search boxes (select2: tags, byline authors, library images, logins) tied to
// their field's label, so screen readers name them, and their lists holding only list
// items; date and time boxes and a list's boxes named too; times in the newsroom's zone.
// Loaded on every desk page.
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
  // A time field's date and time boxes (the admin's split date and time) have only the
  // words "Date:" and "Time:" beside them: name each after its field, "Show from: Date".
  function labelDateTimeBoxes(root) {
    root.querySelectorAll("p.datetime input:not([aria-label])").forEach(function (box) {
      const row = box.closest(".form-row, .fieldBox");
      const label = row && row.querySelector("label:not([for])");
      let words = box.previousSibling;
      while (words && words.nodeType !== Node.TEXT_NODE) words = words.previousSibling;
      const part = words ? words.textContent.trim().replace(/:$/, "") : "";
      if (!label || !part) return;
      box.setAttribute("aria-label", label.textContent.trim().replace(/:$/, "") + ": " + part);
    });
  }
  // A list's boxes edited in place (a page's footer position): named by their column and row.
  function labelListBoxes(root) {
    const list = root.querySelector("#result_list");
    if (!list) return;
    const headers = Array.from(list.querySelectorAll("thead th"));
    list.querySelectorAll("tbody tr").forEach(function (row) {
      const name = row.querySelector("th");
      Array.from(row.children).forEach(function (cell, index) {
        const box = cell.querySelector("input:not([type=checkbox]):not([type=hidden]), select");
        if (!box || box.hasAttribute("aria-label") || !headers[index] || !name) return;
        box.setAttribute("aria-label", headers[index].textContent.trim() + ": " + name.textContent.trim());
      });
    });
  }
  // Every time in the newsroom's admin is the newsroom's own (TIME_ZONE): no "You are N hours
  // behind server time" note under a date (a licence's expiry, a pin's start), and the
  // clock's choices are 24-hour.
  function newsroomTimes() {
    const shortcuts = window.DateTimeShortcuts;
    if (!shortcuts) return;
    shortcuts.clockHours.default_ = [
      ["Now", -1], ["00:00", 0], ["06:00", 6], ["12:00", 12], ["18:00", 18],
    ];
    shortcuts.addTimezoneWarning = function () {};
  }
  document.addEventListener("DOMContentLoaded", function () {
    newsroomTimes();
    labelDateTimeBoxes(document);
    labelListBoxes(document);
    tidy(document);
    new MutationObserver(function () { tidy(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
