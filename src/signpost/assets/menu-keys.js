/* Signpost: the header's menu button (a label for Material's drawer checkbox) opens and
 * closes the navigation drawer from the keyboard (Enter or Space), says whether it is open,
 * and Escape closes an open drawer and returns focus to the button.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) {
    return;
  }

  function update() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  // Enter: Material's own keyboard handling presses a focused label. Space: here.
  button.addEventListener("keydown", function (event) {
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
  toggle.addEventListener("change", update);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      button.click();
      button.focus();
    }
  });
  update();
})();
