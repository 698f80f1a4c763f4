// Click to play: the video player (a no-cookie YouTube or no-tracking Vimeo embed) loads
// only when the reader asks for it. Without JavaScript the poster links to the video's site.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const poster = event.target.closest("a[data-video-embed]");
    if (!poster) return;
    const source = poster.dataset.videoEmbed;
    if (!/^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(source)) return;
    event.preventDefault();
    const frame = document.createElement("iframe");
    frame.src = source;
    frame.title = poster.dataset.videoTitle || "Video";
    frame.className = "video__frame";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    poster.replaceWith(frame);
    frame.focus();
  });
})();
