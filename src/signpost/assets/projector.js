/* Signpost's projector view: one step of a lesson to a screen.
 *
 * The steps are the page's `article > div[id^="step-"]`. Next: Right or Down arrow,
 * Page Down, Space (clickers send Page Down and Page Up). Back: Left or Up arrow, Page Up,
 * Shift+Space. Home and End go to the first and last step; F toggles full screen; B or "."
 * blanks the screen, as presentation clickers expect. The address ends #step-N, so a
 * reload (from a web server or file://) stays on the same step. Nothing is loaded.
 * Without this script the page reads as one long page.
 */
(function () {
  "use strict";

  var steps = Array.prototype.slice.call(
    document.querySelectorAll("article > div[id^='step-']"));
  var count = document.getElementById("sp-projector-count");
  var root = document.documentElement;
  if (!steps.length) {
    return;
  }
  var current = 0;
  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", "Right", "Down"];
  var BACK = ["ArrowLeft", "ArrowUp", "PageUp", "Left", "Up"];

  function fromAddress() {
    var match = /^#step-(\d+)$/.exec(window.location.hash);
    return match ? parseInt(match[1], 10) - 1 : 0;
  }

  /* Shrink a long step's type until it fits the screen (never below 60%). */
  function fit(step) {
    var size = 100;
    step.style.fontSize = "";
    while (size > 60 && step.scrollHeight > step.clientHeight + 1) {
      size -= 5;
      step.style.fontSize = size + "%";
    }
  }

  function button(name) {
    return document.querySelector("[data-sp-step='" + name + "']");
  }

  function show(index) {
    current = Math.max(0, Math.min(steps.length - 1, index));
    steps.forEach(function (step, i) {
      step.hidden = i !== current;
    });
    fit(steps[current]);
    if (count) {
      // "Step {step} of {steps}" in the page's language (render/projector.py)
      var words = count.getAttribute("data-format") || "Step {step} of {steps}";
      count.textContent = words.replace("{step}", current + 1).replace("{steps}", steps.length);
    }
    button("back").disabled = current === 0;
    button("next").disabled = current === steps.length - 1;
    var address = "#step-" + (current + 1);
    if (window.location.hash !== address) {
      try {
        window.history.replaceState(null, "", address);
      } catch (error) {
        /* some browsers refuse history on file://: the step still shows */
      }
    }
  }

  function fullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {});
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var key = event.key;
    var onControl = event.target.closest && event.target.closest("a, button");
    if (onControl && (key === " " || key === "Enter")) {
      return; /* the focused link or button does its own thing */
    }
    if (NEXT.indexOf(key) >= 0 || (key === " " && !event.shiftKey)) {
      show(current + 1);
    } else if (BACK.indexOf(key) >= 0 || (key === " " && event.shiftKey)) {
      show(current - 1);
    } else if (key === "Home") {
      show(0);
    } else if (key === "End") {
      show(steps.length - 1);
    } else if (key === "f" || key === "F") {
      fullScreen();
    } else if (key === "b" || key === "B" || key === ".") {
      root.classList.toggle("sp-projector-blank");
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("[data-sp-step]");
    if (!control) {
      return;
    }
    var action = control.getAttribute("data-sp-step");
    if (action === "full") {
      fullScreen();
    } else {
      show(current + (action === "next" ? 1 : -1));
    }
  });

  window.addEventListener("hashchange", function () {
    show(fromAddress());
  });
  window.addEventListener("resize", function () {
    fit(steps[current]);
  });

  root.classList.add("sp-projecting");
  show(fromAddress());
})();
