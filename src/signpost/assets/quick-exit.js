/* Signpost's quick exit, after the GOV.UK Design System's "Exit this page".
 *
 * The control is a plain link to a neutral page (it works without this script). With it,
 * pressing the link, or the Shift key three times in a row, hides this page at once and
 * replaces it with the neutral page, so Back does not return here. Nothing is loaded from
 * the other site until the reader leaves.
 */
(function () {
  "use strict";

  var SELECTOR = "[data-sp-quick-exit]";
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;

  function leave(url) {
    if (!url) {
      return;
    }
    if (document.body) {
      document.body.style.visibility = "hidden";
    }
    document.title = "";
    window.location.replace(url);
  }

  function exitLink() {
    return document.querySelector(SELECTOR);
  }

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest(SELECTOR) : null;
    if (!link || event.button > 0) {
      return;
    }
    event.preventDefault();
    leave(link.href);
  });

  // The link says it is a button: Space presses it as well as Enter.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === " " && target && target.matches && target.matches(SELECTOR)) {
      event.preventDefault();
      leave(target.href);
    }
  });

  // Shift pressed on its own three times within five seconds (not while typing capitals).
  var presses = 0;
  var timer = null;
  var otherKey = false;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      otherKey = false;
    } else {
      otherKey = true;
      presses = 0;
    }
  }, true);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || otherKey) {
      return;
    }
    presses += 1;
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { presses = 0; }, SHIFT_WINDOW_MS);
    if (presses >= SHIFT_PRESSES) {
      presses = 0;
      var link = exitLink();
      if (link) {
        leave(link.href);
      }
    }
  }, true);
})();
