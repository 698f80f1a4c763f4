// The article body's editor: insert an image from the media library. A search with
// thumbnails under the editor; a chosen image goes in as a figure with its alt text,
// caption and credit (made by the server from the library's renditions). Without
// JavaScript, a library image's page gives the address for "Insert via URL".
(function () {
  "use strict";

  function element(name, attributes, text) {
    const made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text) made.textContent = text;
    return made;
  }

  function start() {
    const settings = document.getElementById("body-library");
    const body = document.getElementById("id_body");
    const row = body && body.closest(".form-row, .fieldBox, div");
    if (!settings || !body || !row) return;
    const texts = settings.dataset;

    const box = element("div", { class: "body-library" });
    const open = element("button", {
      type: "button",
      class: "button body-library__open",
      "aria-expanded": "false",
      "aria-controls": "body-library-panel",
    }, texts.openText);
    const panel = element("div", { id: "body-library-panel", class: "body-library__panel", hidden: "" });
    const label = element("label", { for: "body-library-search" }, texts.searchText);
    const search = element("input", { type: "search", id: "body-library-search", class: "vTextField", autocomplete: "off" });
    const status = element("p", { class: "body-library__status help", role: "status" });
    const results = element("ul", { class: "body-library__results" });
    panel.append(label, search, status, results);
    box.append(open, panel);
    row.appendChild(box);

    let asked = 0;
    function find() {
      const number = ++asked;
      const url = settings.dataset.url + "?q=" + encodeURIComponent(search.value.trim());
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (number !== asked) return;  // a newer search is on its way
          results.replaceChildren();
          status.textContent = answer.results.length ? "" : texts.noneText;
          answer.results.forEach(function (image) {
            const choice = element("button", { type: "button", class: "body-library__choice" });
            const thumbnail = element("img", { src: image.thumbnail, alt: "", width: "96", loading: "lazy" });
            const words = element("span", {}, image.text);
            if (image.credit) words.appendChild(element("small", {}, image.credit));
            choice.append(thumbnail, words);
            choice.addEventListener("click", function () { insert(image); });
            const item = element("li");
            item.appendChild(choice);
            results.appendChild(item);
          });
        })
        .catch(function () { status.textContent = texts.failedText; });
    }

    function insert(image) {
      const editor = window.editors && window.editors[body.id];
      if (!editor) return;
      const view = editor.data.processor.toView(image.figure);
      editor.model.insertContent(editor.data.toModel(view));
      toggle(false);
      editor.editing.view.focus();
    }

    function toggle(show) {
      panel.hidden = !show;
      open.setAttribute("aria-expanded", String(show));
      if (show) {
        find();
        search.focus();
      }
    }

    open.addEventListener("click", function () { toggle(panel.hidden); });
    let waiting = null;
    search.addEventListener("input", function () {
      window.clearTimeout(waiting);
      waiting = window.setTimeout(find, 250);
    });
    // Enter in the search box searches; it never sends the article form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        find();
      } else if (event.key === "Escape") {
        toggle(false);
        open.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
