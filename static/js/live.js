// A live story's page: new entries without a reload, and posts from X and Telegram on request.
// Every few seconds it asks for the newest entries (a conditional request, so while nothing
// changed the answer is a 304 from the cache) and keeps the new ones back behind an
// "N new updates" button, announced politely, so what the reader is reading never moves.
// When the coverage ends, it stops asking. Without JavaScript a reload shows new entries.
(function () {
  "use strict";

  // Click to load: a post's own page is framed only now, so nothing was asked of X or
  // Telegram before.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-post-load]");
    if (!button) return;
    const card = button.closest("[data-post-frame]");
    const source = card && card.dataset.postFrame;
    if (!source || !/^https:\/\/(platform\.twitter\.com|t\.me)\//.test(source)) return;
    const frame = document.createElement("iframe");
    frame.src = source;
    frame.title = button.dataset.postTitle || button.textContent;
    frame.className = "post-card__frame";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups");
    button.replaceWith(frame);
    frame.focus();
  });
  document.querySelectorAll("[data-post-frame]").forEach(addLoadButton);

  function addLoadButton(card) {
    const actions = card.querySelector(".post-card__actions");
    if (!actions || actions.querySelector("[data-post-load]")) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "post-card__load";
    button.dataset.postLoad = "";
    button.textContent = card.dataset.postLoadLabel || "Show the post here";
    actions.prepend(button);
  }

  const story = document.querySelector("[data-live-poll]");
  if (!story) return;
  const list = document.getElementById("live-entries");
  const control = document.getElementById("live-new");
  const status = document.getElementById("live-status");
  const seconds = Math.max(1, Number(story.dataset.livePollSeconds) || 10);
  // "N new updates" in each plural form of the page's language (one, few, many...).
  const counts = JSON.parse(control.dataset.counts || "{}");
  const plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  const ended = control.dataset.ended || "This live coverage has ended.";
  let pending = [];
  let stopped = false;
  document.documentElement.style.overflowAnchor = "none";  // keepPlace() does it

  function label(count) {
    const words = counts[plurals.select(count)] || counts.other || "{count}";
    return words.replace("{count}", String(count));
  }

  function onPage(id) {
    return document.getElementById("entry-" + id);
  }

  // Where a poll's entry stands in the order the page lists them: newest first.
  function isNewer(entry, than) {
    const a = Number(entry.dataset.published), b = Number(than.dataset.published);
    return a !== b ? a > b : Number(entry.dataset.entry) > Number(than.dataset.entry);
  }

  // The reader's place: the first entry at or below the top of the window that this poll
  // leaves as it is. After the changes the page scrolls by what moved it, in every browser
  // (the browsers' own scroll anchoring is off on this page, so it is not done twice).
  function place(changing) {
    const entries = story.querySelectorAll("[data-entry]");
    for (const entry of entries) {
      if (changing.has(entry)) continue;
      const top = entry.getBoundingClientRect().top;
      if (top >= 0) return { node: entry, top: top };
    }
    return null;
  }

  function keepPlace(held) {
    if (!held || !held.node.isConnected) return;
    const moved = held.node.getBoundingClientRect().top - held.top;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }

  function apply(page) {
    const updates = page.getElementById("live-updates");
    if (!updates) return;
    const polled = Array.from(updates.querySelectorAll("[data-entry]"));
    const ids = new Set(polled.map(function (entry) { return entry.dataset.entry; }));
    const listed = polled.filter(function (entry) {
      return !entry.classList.contains("live-entry--pinned");
    });
    const oldest = listed[listed.length - 1];
    const complete = updates.dataset.more !== "true";
    const changing = new Map();  // entry on the page -> its new version, or null: deleted

    story.querySelectorAll("[data-entry]").forEach(function (shown) {
      if (ids.has(shown.dataset.entry)) return;
      // Not in the newest entries: deleted, unless it is older than all of them (Show More).
      const pinned = shown.classList.contains("live-entry--pinned");
      if (pinned || complete || !oldest || !isNewer(oldest, shown)) changing.set(shown, null);
    });
    const before = pending.length;
    pending = pending.filter(function (entry) { return ids.has(entry.dataset.entry); });

    const fresh = [];
    polled.forEach(function (entry) {
      const id = entry.dataset.entry;
      const shown = onPage(id);
      const waiting = pending.findIndex(function (item) { return item.dataset.entry === id; });
      if (shown) {
        // An edit, a pin or a correction: replaced where it stands.
        if (shown.dataset.version !== entry.dataset.version) {
          changing.set(shown, document.adoptNode(entry));
        }
      } else if (waiting >= 0) {
        pending[waiting] = document.adoptNode(entry);
      } else if (!entry.classList.contains("live-entry--pinned")) {
        fresh.push(document.adoptNode(entry));
      }
    });

    const held = place(changing);
    changing.forEach(function (edited, shown) {
      if (edited === null) {
        shown.remove();
        return;
      }
      shown.replaceWith(edited);
      edited.querySelectorAll("[data-post-frame]").forEach(addLoadButton);
    });
    keepPlace(held);

    if (fresh.length || pending.length !== before) {
      pending = fresh.concat(pending);
      control.textContent = label(pending.length);
      control.hidden = pending.length === 0;
      status.textContent = pending.length ? label(pending.length) : "";
    }
    if (updates.dataset.state !== "live") {
      stopped = true;
      status.textContent = ended;
    }
  }

  async function poll() {
    try {
      // "no-cache": the browser asks again with If-None-Match; a 304 costs nearly nothing.
      const response = await fetch(story.dataset.livePoll, {
        cache: "no-cache",
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      if (response.ok) {
        apply(new DOMParser().parseFromString(await response.text(), "text/html"));
      }
    } catch (error) {
      // Offline for a moment: the next poll tries again.
    }
    if (!stopped) window.setTimeout(poll, seconds * 1000);
  }

  control.addEventListener("click", function () {
    const first = pending[0];
    pending.forEach(function (entry) {
      entry.querySelectorAll("[data-post-frame]").forEach(addLoadButton);
    });
    list.prepend.apply(list, pending);
    pending = [];
    control.hidden = true;
    status.textContent = "";
    if (first) first.focus();
  });

  window.setTimeout(poll, seconds * 1000);
})();
