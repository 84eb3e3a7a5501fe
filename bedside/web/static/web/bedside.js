/* Bedside's only script (no build step).
   1. Built-in dwell clicking (ACCESSIBILITY.md T11): off unless the user turned it on. Resting the
      pointer on a control for the chosen time clicks it; a ring shows progress; moving off cancels.
   2. After an htmx swap, focus moves to the element marked data-focus-after-swap so keyboard and
      switch users keep their place (T7). */
(function () {
  "use strict";
  var CLICKABLE = "a[href], button:not([disabled]), input[type=submit], input[type=checkbox], input[type=radio], summary, [role=button]";

  function startDwell(delay) {
    var timer = null, ring = null, target = null, started = 0, frame = null;
    function cancel() {
      if (timer) { clearTimeout(timer); timer = null; }
      if (frame) { cancelAnimationFrame(frame); frame = null; }
      if (ring) { ring.remove(); ring = null; }
      target = null;
    }
    function draw() {
      if (!ring) { return; }
      var p = Math.min(1, (Date.now() - started) / delay);
      ring.style.transform = "translate(-50%, -50%) scale(" + (0.2 + 0.8 * p) + ")";
      frame = requestAnimationFrame(draw);
    }
    document.addEventListener("pointerover", function (event) {
      var el = event.target.closest(CLICKABLE);
      if (el === target) { return; }
      cancel();
      if (!el) { return; }
      target = el;
      var box = el.getBoundingClientRect();
      ring = document.createElement("div");
      ring.className = "dwell-progress";
      ring.setAttribute("aria-hidden", "true");
      ring.style.left = (box.left + box.width / 2) + "px";
      ring.style.top = (box.top + box.height / 2) + "px";
      document.body.appendChild(ring);
      started = Date.now();
      draw();
      timer = setTimeout(function () {
        var el2 = target;
        cancel();
        if (el2 && document.body.contains(el2)) { el2.click(); }
      }, delay);
    });
    document.addEventListener("pointerout", function (event) {
      if (target && !target.contains(event.relatedTarget)) { cancel(); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var delay = parseInt(document.body.getAttribute("data-dwell-ms") || "0", 10);
    if (delay >= 500 && delay <= 3000) { startDwell(delay); }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var el = event.detail.elt && (event.detail.elt.querySelector("[data-focus-after-swap]") ||
      document.querySelector("[data-focus-after-swap]"));
    if (el) { el.focus(); el.removeAttribute("data-focus-after-swap"); }
  });
})();
