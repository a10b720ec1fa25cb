// Comment form helpers. Everything works without this file: reply links are
// plain links (?replyto=ID#respond); here they move the form under the comment.
(function () {
  "use strict";
  var box = document.getElementById("respond");
  if (!box) return;
  var form = box.querySelector("[data-comment-form]");
  var home = box.parentNode;
  var homeNext = box.nextSibling;
  var title = document.getElementById("respond-title");

  // After a failed post, send focus to the first field with an error.
  var invalid = form.querySelector("[aria-invalid=true]");
  if (invalid) {
    invalid.focus();
  } else if (document.getElementById("comment-form-errors")) {
    document.getElementById("comment-form-errors").focus();
  }

  document.querySelectorAll("[data-reply-to]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.elements.reply_to.value = link.dataset.replyTo;
      title.textContent = "Reply to " + link.dataset.replyName;
      link.closest("article").after(box);
      form.elements.comment.focus();
    });
  });

  box.addEventListener("click", function (event) {
    if (!event.target.matches("[data-cancel-reply]")) return;
    event.preventDefault();
    form.elements.reply_to.value = "0";
    title.textContent = "Leave a comment";
    home.insertBefore(box, homeNext);
  });
})();
