/* The check-in's only script: a guard against answering two questions with one double press.

   Each answer tile saves at once and the next question appears with its tiles on the same
   pixels. A shaky double press (or a switch that bounces) would otherwise answer the next
   question too. The browser numbers the presses of a quick series (event.detail 2, 3…); only
   the first one counts. Keyboard presses have detail 0 and are never blocked. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.detail > 1 && event.target.closest && event.target.closest("#checkin")) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
