// Show More: fetch the next page of a list and append its items in place.
// Without JavaScript the link is a plain rel="next" link to that same page.
// The link names its list with aria-controls; the next page holds a list with the same id.
(function () {
  "use strict";

  // "N more items loaded", in the plural form of the page's language that N takes: the
  // status element carries one text per plural category (website/plurals.py).
  function announce(feedId, count, kind) {
    const status = document.querySelector('[data-show-more-status="' + feedId + '"]');
    if (!status) return;
    const words = JSON.parse(status.dataset.words || "{}")[kind] || {};
    const category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    const text = words[category] || words.other || "{count}";
    status.textContent = text.replace("{count}", String(count));
  }

  // The address that shows what the list now holds: the page just loaded, or, for a
  // list inside another page (data-history-param), that page with ?param=N.
  function historyUrl(link) {
    const param = link.dataset.historyParam;
    if (!param) return link.href;
    const url = new URL(window.location.href);
    url.searchParams.set(param, new URL(link.href).searchParams.get("page"));
    return url.href;
  }

  async function showMore(link, feed) {
    link.setAttribute("aria-busy", "true");
    const response = await fetch(link.href, {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error("HTTP " + response.status);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const source = page.getElementById(feed.id);
    // An item already shown (by its id: a live story's entries) is left out: a list that grew
    // at its top since this page was made, by the new updates shown, pushes its last items
    // onto the next page.
    const items = (source ? Array.from(source.children) : []).filter(function (item) {
      return !(item.id && document.getElementById(item.id));
    });
    items.forEach(function (item) {
      feed.appendChild(document.adoptNode(item));
    });
    if (!link.hasAttribute("data-keep-url")) {
      history.replaceState(history.state, "", historyUrl(link));
    }
    const next = page.querySelector('a[data-show-more][aria-controls="' + feed.id + '"]');
    // Keyboard and screen-reader users carry on from the first new item.
    const first = items.length ? items[0].querySelector("a[href]") : null;
    if (next) {
      // The fetched page's link is relative to that page's address, not to this one's:
      // "?page=3" from /news-feed/?page=2 is /news-feed/?page=3, even on the home page.
      link.href = new URL(next.getAttribute("href"), response.url).href;
      link.removeAttribute("aria-busy");
      announce(feed.id, items.length, "more");
    } else {
      link.closest(".show-more").remove();
      announce(feed.id, items.length, "end");
    }
    if (first) first.focus();
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[data-show-more]");
    if (!link) return;
    const feed = document.getElementById(link.getAttribute("aria-controls"));
    if (!feed) return;
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") return;
    showMore(link, feed).catch(function () {
      window.location.assign(link.href);
    });
  });
})();
