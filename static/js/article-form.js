// The article form in the admin, and the live entry form: a warning before leaving with
// changes not yet saved, autosave to the server while someone types, and new tags typed in
// the tags box (times in the newsroom's zone are select-labels.js's, on every desk page).
(function () {
  "use strict";

  // Tags: a name typed in the tags box that no tag has yet is offered as a new tag
  // (select2's tags, when the person may create them). Chosen, it goes into "New tags",
  // which the server creates on save, so the box holds only tags that exist.
  function newTagsFromBox() {
    const $ = window.django && window.django.jQuery;
    const box = document.getElementById("id_tags");
    const names = document.getElementById("id_new_tags");
    if (!$ || !box || !names || box.dataset.tags !== "true") return;
    $(box).on("select2:select", function (event) {
      // A tag that exists is chosen by its number; a new one's value is the typed name.
      const data = event.params.data;
      if (String(data.id) !== data.text) return;
      const name = data.text.trim();
      box.querySelectorAll("option").forEach(function (option) {
        if (option.value === String(data.id)) option.remove();
      });
      $(box).trigger("change");
      const typed = names.value.split(",").map(function (part) { return part.trim(); }).filter(Boolean);
      if (!typed.some(function (part) { return part.toLowerCase() === name.toLowerCase(); })) {
        typed.push(name);
      }
      names.value = typed.join(", ");
      names.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  window.addEventListener("load", newTagsFromBox);

  function snapshot(form) {
    const parts = [];
    for (const [name, value] of new FormData(form)) {
      if (name === "csrfmiddlewaretoken") continue;
      parts.push(name + "=" + (typeof value === "string" ? value : value.name + ":" + value.size));
    }
    return parts.join("&");
  }

  function start() {
    const form = document.getElementById("article_form") || document.getElementById("liveentry_form");
    if (!form) return;
    let saved = snapshot(form);
    let submitting = false;

    // Sent once: a second click while the page is sending does nothing (the server also
    // refuses a second article from one add form). The buttons are disabled after the
    // browser has taken the clicked one's name and value into the submit.
    const buttons = form.querySelectorAll("input[type=submit], button[type=submit], button:not([type])");
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      submitting = true;
      form.dataset.sending = "true";
      window.setTimeout(function () {
        buttons.forEach(function (button) { button.disabled = true; });
      }, 0);
    });
    // Back to this page from the browser's history: it can be sent again.
    window.addEventListener("pageshow", function () {
      delete form.dataset.sending;
      submitting = false;
      buttons.forEach(function (button) { button.disabled = false; });
    });
    window.addEventListener("beforeunload", function (event) {
      if (submitting || snapshot(form) === saved) return;
      event.preventDefault();
      event.returnValue = "";  // Older browsers need a value to show their prompt.
    });

    const status = document.getElementById("autosave-status");
    const url = status && status.dataset.url;
    if (!url) return;
    let sent = saved;
    const interval = Number(status.dataset.interval) || 5000;
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;

    function say(message, problem) {
      status.textContent = message;
      status.classList.toggle("autosave-status--problem", Boolean(problem));
    }

    // What could not reach the server (offline) is kept in this browser until it can.
    const keptKey = "article-autosave:" + url;

    function fields() {
      // Text only: a chosen image is sent once (withImage), then named by its token.
      return Array.from(new FormData(form)).filter(function (pair) {
        return typeof pair[1] === "string";
      });
    }

    // The hero image chosen in the form, sent with the next autosave and kept on the
    // server; the form then carries the token the server answers with.
    const imageName = status.dataset.imageField || "hero_image";
    const imageInput = form.querySelector("input[type=file][name=" + imageName + "]");
    const keptInput = form.querySelector("input[name=" + imageName + "_pending]");
    let sentImage = "";

    function chosenImage() {
      const file = imageInput && imageInput.files && imageInput.files[0];
      if (!file) return null;
      const key = [file.name, file.size, file.lastModified].join(":");
      return key === sentImage ? null : { file: file, key: key };
    }

    function post(pairs, leaving, image) {
      const data = new FormData();
      pairs.forEach(function (pair) { data.append(pair[0], pair[1]); });
      if (image) data.append(imageName, image.file);
      return fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        keepalive: Boolean(leaving),  // a closing tab still sends it (up to 64 KB)
        headers: { "X-CSRFToken": token },
      }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      });
    }

    function keep(pairs) {
      try {
        window.localStorage.setItem(keptKey, JSON.stringify(pairs));
      } catch (error) { /* storage full or off: the page still holds the text */ }
    }

    function autosave(leaving) {
      const now = snapshot(form);
      if (submitting || now === sent) return;
      const pairs = fields();
      // A closing tab sends at most 64 KB: the image goes with a regular autosave.
      const image = leaving === true ? null : chosenImage();
      post(pairs, leaving === true, image)
        .then(function (result) {
          sent = now;
          if (image) sentImage = image.key;
          if (keptInput && result[keptInput.name]) keptInput.value = result[keptInput.name];
          window.localStorage.removeItem(keptKey);
          say(status.dataset.savedText.replace("{time}", result.saved_at)
            + (result.newer ? " " + status.dataset.newerText : ""), result.newer);
        })
        .catch(function () {
          // Offline or refused: the last autosave on the server stands; try again soon.
          keep(pairs);
          say(status.dataset.failedText, true);
        });
    }

    form.addEventListener("submit", function () { window.localStorage.removeItem(keptKey); });
    const left = window.localStorage.getItem(keptKey);
    if (left) {
      say(status.dataset.keptText, true);
      const send = document.createElement("button");
      send.type = "button";
      send.className = "button autosave-send";
      send.textContent = status.dataset.sendText;
      send.addEventListener("click", function () {
        post(JSON.parse(left), false).then(function () {
          window.localStorage.removeItem(keptKey);
          // The form's own query (a new live entry's ?story=) stays.
          const query = new URLSearchParams(window.location.search);
          query.set("autosave", "restore");
          window.location.search = query.toString();
        }, function () { say(status.dataset.failedText, true); });
      });
      status.after(send);
    }
    window.setInterval(autosave, interval);
    window.addEventListener("pagehide", function () { autosave(true); });
  }

  // After every script (CKEditor, select2, the slug filler) has set its fields up.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
