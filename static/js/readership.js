// Counts one reading of this article for Most Popular: a same-origin beacon, no cookie.
// Readers whose browser asks not to be tracked (Global Privacy Control, Do Not Track)
// are not counted; the server checks the same headers.
(function () {
  "use strict";

  const script = document.currentScript;
  if (!script || !navigator.sendBeacon) return;
  if (navigator.globalPrivacyControl === true || navigator.doNotTrack === "1") return;

  function send() {
    const body = new URLSearchParams({ article: script.dataset.article, via: "beacon" });
    navigator.sendBeacon(script.dataset.url, body);
  }

  // A page prerendered or opened in a background tab is counted when it is first seen.
  if (document.visibilityState === "visible") {
    send();
  } else {
    document.addEventListener("visibilitychange", function seen() {
      if (document.visibilityState !== "visible") return;
      document.removeEventListener("visibilitychange", seen);
      send();
    });
  }
})();
