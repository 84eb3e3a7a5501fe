/* Copy an invitation link with one activation (the plain read-only field still works without it).
   Shown only when scripts run; the result is announced in the page's live region. */
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("announce");
    if (!region) { return; }
    region.textContent = "";
    var p = document.createElement("p");
    p.className = "message";
    p.textContent = text;
    region.appendChild(p);
  }

  function copyFrom(input) {
    input.focus();
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(input.value);
    }
    // Plain-HTTP home installs have no Clipboard API; the older command still works there.
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-select-on-focus]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });
    document.querySelectorAll("[data-copy-from]").forEach(function (button) {
      var input = document.getElementById(button.getAttribute("data-copy-from"));
      if (!input) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        copyFrom(input).then(function () {
          announce(button.getAttribute("data-copied"));
        }, function () { /* the link stays selected: the person can copy it by hand */ });
      });
    });
  });
})();
