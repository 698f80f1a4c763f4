// Relative times: a <time datetime data-relative> of the last 24 hours reads "12 minutes
// ago" in the page's language. The server writes the exact time (website/dates.py), which
// stays as the tooltip; pages and cards are cached, so only the browser knows how long ago
// it is. Items that Show More appends are rewritten too.
(function () {
  "use strict";
  if (!window.Intl || !Intl.RelativeTimeFormat) return;
  let format;
  const MINUTE = 60 * 1000;
  const HOUR = 60 * MINUTE;

  function relative(time) {
    const moment = Date.parse(time.getAttribute("datetime"));
    const age = Date.now() - moment;
    if (isNaN(moment) || age < 0 || age >= 24 * HOUR) return;
    // Made on first use: its locale data costs a long task, for pages with no recent time too.
    format = format || new Intl.RelativeTimeFormat(document.documentElement.lang || "en", { numeric: "auto" });
    if (!time.title) time.title = time.textContent;
    time.textContent = age < HOUR
      ? format.format(-Math.max(1, Math.floor(age / MINUTE)), "minute")
      : format.format(-Math.floor(age / HOUR), "hour");
  }

  function update(root) {
    root.querySelectorAll("time[data-relative]").forEach(relative);
  }

  function start() {
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
