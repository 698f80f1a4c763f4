// Show More: fetch the next page of a feed and append its items in place.
// Without JavaScript the link is a plain rel="next" link to the same page.
(function () {
  "use strict";
  document.addEventListener("click", async function (event) {
    const link = event.target.closest("a[data-show-more]");
    if (!link) return;
    const feed = document.querySelector("[data-feed]");
    if (!feed) return;
    event.preventDefault();
    link.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(link.href, { headers: { "X-Requested-With": "fetch" } });
      if (!response.ok) throw new Error(response.statusText);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const items = Array.from(page.querySelectorAll("[data-feed] > *"));
      items.forEach(function (item) { feed.appendChild(document.adoptNode(item)); });
      const first = items[0] && items[0].querySelector("a");
      if (first) first.focus();
      history.replaceState(null, "", link.href);
      const next = page.querySelector("a[data-show-more]");
      if (next) {
        link.href = next.href;
        link.removeAttribute("aria-busy");
      } else {
        link.closest(".show-more").remove();
      }
    } catch (error) {
      window.location.href = link.href;
    }
  });
})();
