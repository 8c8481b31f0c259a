/* Signpost's self-check quizzes (render/quiz.py writes the markup).
 *
 * Each question is a fieldset of native radio buttons or checkboxes. Without this script
 * the "Show the answers" box under each question reveals every option's feedback; with it,
 * a "Check my answer" button shows the feedback for what the reader chose, in a live region
 * that screen readers announce. Which options are right is read from that same box. Nothing
 * is stored or sent: the answers live in the page until it is left.
 */
(function () {
  "use strict";

  var QUESTION = ".sp-quiz-form .sp-quiz-question";

  function text(node) {
    return node ? (node.textContent || "").replace(/\s+/g, " ").trim() : "";
  }

  function key(question) {
    var items = question.querySelectorAll(".sp-quiz-answers li");
    var out = [];
    for (var i = 0; i < items.length; i += 1) {
      out.push({
        right: items[i].classList.contains("sp-quiz-right"),
        why: text(items[i].querySelector(".sp-quiz-why"))
      });
    }
    return out;
  }

  // The words below in the page's language: the check button carries them (render/quiz.py).
  function say(question, key, english) {
    var button = question.querySelector(".sp-quiz-check");
    return (button && button.getAttribute("data-say-" + key)) || english;
  }

  function verdict(question) {
    var inputs = question.querySelectorAll("input");
    var answers = key(question);
    var chosen = [];
    var missed = 0;
    for (var i = 0; i < inputs.length && i < answers.length; i += 1) {
      if (inputs[i].checked) {
        chosen.push(answers[i]);
      } else if (answers[i].right) {
        missed += 1;
      }
    }
    if (!chosen.length) {
      return { state: "none", message: say(question, "choose", "Choose an answer first, then check it.") };
    }
    var wrong = chosen.filter(function (a) { return !a.right; }).length;
    var words = chosen.map(function (a) { return a.why; });
    if (!wrong && !missed) {
      return { state: "right", message: words.join(" ") };
    }
    if (!wrong && missed) {
      words.push(say(question, "another", "There is another right answer too. Have another look."));
    } else {
      words.push(say(question, "again", "Have another go if you like."));
    }
    return { state: "try-again", message: words.join(" ") };
  }

  function check(question) {
    var result = verdict(question);
    var live = question.querySelector(".sp-quiz-feedback");
    if (!live) {
      return;
    }
    live.setAttribute("data-state", result.state);
    // Clear, then fill after a moment, so the same words are announced again.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = result.message;
    }, 50);
  }

  function start() {
    var questions = document.querySelectorAll(QUESTION);
    for (var i = 0; i < questions.length; i += 1) {
      var button = questions[i].querySelector(".sp-quiz-check");
      if (button) {
        button.hidden = false;
      }
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest(".sp-quiz-check") : null;
    var question = button ? button.closest(QUESTION) : null;
    if (question) {
      check(question);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
  // Material's instant navigation swaps pages without reloading: show the new page's buttons.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
})();
