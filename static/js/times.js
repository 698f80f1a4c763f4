// Relative times: a <time datetime data-relative> of the last 24 hours reads "12 minutes
// ago" in the page's language. The server writes the exact time (website/dates.py), which
// stays as the tooltip; pages and cards are cached, so only the browser knows how long ago
// it is. Items that Show More appends are rewritten too.
// The words come with the page (the body's data-relative-words, one text per plural
// category); Intl.PluralRules picks the form. Intl.RelativeTimeFormat would say the same,
// but building it loads locale data in a long task on every page load.
// Only text is written, in one pass, and nothing is read back from the layout.
(function () {
  "use strict";
  if (!window.Intl || !Intl.PluralRules) return;
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;
  let words, plurals;

  function phrase(kind, count) {
    const forms = words[kind] || {};
    const text = forms[plurals.select(count)] || forms.other;
    return text ? text.replace("{count}", String(count)) : null;
  }

  function relative(time, now) {
    const moment = Date.parse(time.getAttribute("datetime"));
    const age = now - moment;
    if (isNaN(moment) || age < 0 || age >= 24 * HOUR) return;
    const text = age < HOUR
      ? phrase("minutes", Math.max(1, Math.floor(age / MINUTE)))
      : phrase("hours", Math.floor(age / HOUR));
    if (!text) return;
    if (!time.title) time.title = time.textContent;
    if (time.textContent !== text) time.textContent = text;
  }

  function update(root) {
    const now = Date.now();
    root.querySelectorAll("time[data-relative]").forEach(function (time) {
      relative(time, now);
    });
  }

  function start() {
    try {
      words = JSON.parse(document.body.dataset.relativeWords || "{}");
    } catch (error) {
      return;
    }
    plurals = new Intl.PluralRules(document.documentElement.lang || "en");
    update(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) update(node);
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
    setInterval(function () { update(document); }, MINUTE);
  }

  // After the page has loaded and the browser is idle: the exact times are already there.
  (window.requestIdleCallback || setTimeout)(start);
})();
