// Click-to-play video facades. Until the reader activates the link nothing is
// requested from the video host; then the privacy-friendly player replaces it.
(function () {
  "use strict";

  function play(frame) {
    var iframe = document.createElement("iframe");
    iframe.src = frame.dataset.videoEmbed;
    iframe.title = "Video: " + frame.dataset.videoTitle;
    iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    iframe.allowFullscreen = true;
    iframe.className = "video__player";
    frame.replaceChildren(iframe);
    iframe.focus();
  }

  document.querySelectorAll("[data-video-embed]").forEach(function (frame) {
    var link = frame.querySelector(".video__link");
    if (!link) return;
    link.setAttribute("role", "button");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      play(frame);
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        play(frame);
      }
    });
  });
})();
