// The article form in the admin: a warning before leaving with changes not yet saved,
// autosave to the server while someone types, and times in the newsroom's zone, 24-hour.
(function () {
  "use strict";

  // Times: the admin's clock offers 24-hour times, and no "You are N hours behind server
  // time" note: every time in the newsroom's admin is the newsroom's own (TIME_ZONE).
  document.addEventListener("DOMContentLoaded", function () {
    const shortcuts = window.DateTimeShortcuts;
    if (!shortcuts) return;
    shortcuts.clockHours.default_ = [
      ["Now", -1], ["00:00", 0], ["06:00", 6], ["12:00", 12], ["18:00", 18],
    ];
    shortcuts.addTimezoneWarning = function () {};
  });

  // select2's boxes (tags, byline authors) are not tied to their field's label: tie them.
  function labelSearchBoxes(root) {
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
  document.addEventListener("DOMContentLoaded", function () {
    labelSearchBoxes(document);
    new MutationObserver(function () { labelSearchBoxes(document); })
      .observe(document.body, { childList: true, subtree: true });
  });

  function snapshot(form) {
    const parts = [];
    for (const [name, value] of new FormData(form)) {
      if (name === "csrfmiddlewaretoken") continue;
      parts.push(name + "=" + (typeof value === "string" ? value : value.name + ":" + value.size));
    }
    return parts.join("&");
  }

  function start() {
    const form = document.getElementById("article_form");
    if (!form) return;
    let saved = snapshot(form);
    let submitting = false;

    form.addEventListener("submit", function () { submitting = true; });
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

    function autosave() {
      const now = snapshot(form);
      if (submitting || now === sent) return;
      const data = new FormData(form);
      for (const [name, value] of Array.from(data)) {
        if (typeof value !== "string") data.delete(name);  // files are not autosaved
      }
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        keepalive: true,  // finishes even when the tab is closing
        headers: { "X-CSRFToken": token },
      })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (result) {
          sent = now;
          say(status.dataset.savedText.replace("{time}", result.saved_at)
            + (result.newer ? " " + status.dataset.newerText : ""), result.newer);
        })
        .catch(function () {
          // Offline or refused: the last autosave on the server stands; try again soon.
          say(status.dataset.failedText, true);
        });
    }
    window.setInterval(autosave, interval);
    window.addEventListener("pagehide", autosave);
  }

  // After every script (CKEditor, select2, the slug filler) has set its fields up.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
