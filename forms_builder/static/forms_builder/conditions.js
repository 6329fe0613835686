/*
 * Conditional display of form blocks, mirroring forms_builder/conditions.py.
 * A block with data-condition='{"field", "operator", "values"}' is shown only when the answer
 * to `field` matches; hidden blocks have their inputs disabled, so they are neither required
 * nor sent. Without JavaScript every block is shown and the server drops hidden answers.
 */
(function () {
  "use strict";

  function fold(value) {
    return String(value).trim().toLowerCase();
  }

  function answerOf(scope, name) {
    var controls = Array.prototype.filter.call(
      scope.querySelectorAll("input, select, textarea"),
      function (control) { return control.name === name && !control.disabled; }
    );
    if (!controls.length) { return null; }
    var type = controls[0].type;
    if (type === "checkbox" || type === "radio") {
      var ticked = controls
        .filter(function (control) { return control.checked; })
        .map(function (control) { return control.value; });
      if (type === "checkbox") { return ticked; }
      return ticked.length ? ticked[0] : null;
    }
    return controls[0].value;
  }

  function isMet(condition, answer) {
    if (answer === null || answer === "" || (Array.isArray(answer) && !answer.length)) {
      return false;
    }
    var values = condition.values.map(fold);
    var operator = condition.operator;
    if (Array.isArray(answer)) {
      var ticked = answer.map(fold);
      if (operator === "contains") {
        return ticked.some(function (value) { return values.indexOf(value) !== -1; });
      }
      var allIn = ticked.every(function (value) { return values.indexOf(value) !== -1; });
      if (operator === "one_of") { return allIn; }
      return allIn && values.every(function (value) { return ticked.indexOf(value) !== -1; });
    }
    answer = fold(answer);
    if (operator === "contains") {
      return values.some(function (value) { return answer.indexOf(value) !== -1; });
    }
    return values.indexOf(answer) !== -1;
  }

  function update(scope) {
    // Document order: a group is settled before the blocks inside it.
    scope.querySelectorAll("[data-condition]").forEach(function (block) {
      var condition = JSON.parse(block.getAttribute("data-condition"));
      var shown = isMet(condition, answerOf(scope, condition.field));
      block.hidden = !shown;
      block.querySelectorAll("input, select, textarea").forEach(function (control) {
        control.disabled = !shown;
      });
    });
  }

  function init(scope) {
    var refresh = function () { update(scope); };
    scope.addEventListener("change", refresh);
    scope.addEventListener("input", refresh);
    refresh();
  }

  document.querySelectorAll("[data-conditional-form]").forEach(init);
})();
