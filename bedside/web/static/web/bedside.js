/* Bedside's only script (no build step, no inline code: the Content-Security-Policy forbids it).
   1. Built-in dwell clicking (ACCESSIBILITY.md T11), for head-pointer and eye-gaze users without
      dwell software. Off unless the user chose a delay in Settings (body data-dwell-ms, 500–3000).
      Resting the pointer on a control for that long clicks it; a ring around the pointer fills
      meanwhile; moving off the control cancels. After a click nothing more happens until the
      pointer has left the clicked control's place, so a control that appears under a resting
      pointer (after an htmx swap) is never clicked by accident ("Midas touch").
   2. After an htmx swap, focus moves to the element marked data-focus-after-swap so keyboard and
      switch users keep their place (T7). */
(function () {
  "use strict";

  /* dwell:begin — the only code allowed to watch pointer movement (tests/browser/pointer_scan.py). */

  // Not <select>: its list opens outside the page, where dwell cannot follow.
  var CLICKABLE = "a[href], button, input[type=submit], input[type=button], " +
    "input[type=checkbox], input[type=radio], label, summary, " +
    "[role=button], [role=checkbox], [role=radio], [role=switch], [role=tab]";

  function dwellTarget(node) {
    var el = node instanceof Element ? node.closest(CLICKABLE) : null;
    if (!el || el.disabled || el.getAttribute("aria-disabled") === "true") { return null; }
    if (el.closest("[data-no-dwell]")) { return null; }
    // A label is a target only for a checkbox or radio (answer tiles); a text field's label
    // would merely move the focus.
    if (el.tagName === "LABEL" && !(el.control && /^(checkbox|radio)$/.test(el.control.type))) {
      return null;
    }
    return el;
  }

  function inside(box, x, y) {
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }

  function startDwell(delay) {
    var target = null, ring = null, timer = null, frame = null, started = 0;
    var spent = null;  // where the last click happened: no new dwell until the pointer leaves

    function cancel() {
      if (timer) { clearTimeout(timer); timer = null; }
      if (frame) { cancelAnimationFrame(frame); frame = null; }
      if (ring) { ring.remove(); ring = null; }
      if (target) { target.classList.remove("dwell-target"); target = null; }
    }

    function progress() {
      if (!ring) { return; }
      ring.style.setProperty("--dwell", Math.min(1, (performance.now() - started) / delay));
      frame = requestAnimationFrame(progress);
    }

    function place(x, y) {
      ring.style.left = x + "px";
      ring.style.top = y + "px";
    }

    function begin(el, x, y) {
      target = el;
      el.classList.add("dwell-target");
      ring = document.createElement("div");
      ring.className = "dwell-progress";
      ring.setAttribute("aria-hidden", "true");
      place(x, y);
      document.body.appendChild(ring);
      started = performance.now();
      frame = requestAnimationFrame(progress);
      timer = setTimeout(fire, delay);
    }

    function fire() {
      var el = target;
      timer = null;
      if (!el || !el.isConnected) { cancel(); return; }
      spent = el.getBoundingClientRect();
      cancel();
      el.click();
    }

    document.addEventListener("pointermove", function (event) {
      if (event.pointerType === "touch") { return; }  // a tap is already a click
      var x = event.clientX, y = event.clientY;
      if (spent) {
        if (inside(spent, x, y)) { return; }
        spent = null;
      }
      var el = dwellTarget(event.target);
      if (el && el === target) { place(x, y); return; }
      cancel();
      if (el) { begin(el, x, y); }
    }, { passive: true });

    // Leaving the window, scrolling or switching tabs stop the countdown.
    document.documentElement.addEventListener("pointerleave", cancel);
    window.addEventListener("scroll", cancel, { passive: true });
    document.addEventListener("pointerdown", function (event) {
      // The user clicked themselves: do not click again while the pointer stays there.
      var el = dwellTarget(event.target);
      cancel();
      if (el) { spent = el.getBoundingClientRect(); }
    });
    document.addEventListener("visibilitychange", cancel);
  }

  /* dwell:end */

  document.addEventListener("DOMContentLoaded", function () {
    var delay = parseInt(document.body.getAttribute("data-dwell-ms") || "0", 10);
    if (delay >= 500 && delay <= 3000) { startDwell(delay); }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var el = (event.detail.elt && event.detail.elt.querySelector("[data-focus-after-swap]")) ||
      document.querySelector("[data-focus-after-swap]");
    if (el) { el.focus(); el.removeAttribute("data-focus-after-swap"); }
  });
})();
