// Fresh form tokens for a page served from the page cache. A cached page is
// shared by every reader, so it carries no CSRF token and an older timestamp
// and security hash. Before any form on the page is sent (or when the reader
// starts typing a comment) fetch fresh ones. Without JavaScript the server
// shows the form again with the reader's text (comments/csrf.py).
(function () {
  "use strict";
  var commentForm = document.querySelector("[data-comment-form][data-token-url]");
  if (!commentForm || !window.fetch) return;
  var url = commentForm.dataset.tokenUrl;
  var MAX_AGE = 30 * 60 * 1000; // well inside the form's two-hour limit
  var fetchedAt = 0;
  var inFlight = null;

  function put(form, name, value) {
    var input = form.elements[name];
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  function refresh() {
    if (Date.now() - fetchedAt < MAX_AGE) return Promise.resolve();
    if (inFlight) return inFlight;
    inFlight = fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("tokens: " + response.status);
        return response.json();
      })
      .then(function (tokens) {
        document.querySelectorAll("form[method=post]").forEach(function (form) {
          put(form, "csrfmiddlewaretoken", tokens.csrfmiddlewaretoken);
        });
        put(commentForm, "timestamp", tokens.timestamp);
        put(commentForm, "security_hash", tokens.security_hash);
        fetchedAt = Date.now();
      })
      .finally(function () {
        inFlight = null;
      });
    return inFlight;
  }

  commentForm.addEventListener("focusin", function () {
    refresh().catch(function () {});
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method !== "post" || Date.now() - fetchedAt < MAX_AGE) return;
    event.preventDefault();
    // If the fetch fails, send anyway: the server's fallback keeps the text.
    refresh().then(send, send);
    function send() {
      form.submit();
    }
  });
})();
