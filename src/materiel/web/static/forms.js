// Forms and new rows: after a refused form, bring its first error into view and focus the
// field (or the form's message); after a write, bring the new (highlighted) row into view.
(function () {
  "use strict";
  function show(el, focus) {
    var box = el.closest("details");
    if (box) { box.open = true; }
    el.scrollIntoView({ block: "center" });
    if (focus) { focus.focus({ preventScroll: true }); }
  }
  var invalid = document.querySelector("[aria-invalid='true']");
  var message = document.querySelector("form .error, #form-error");
  if (invalid || message) {
    var target = invalid || message;
    if (!invalid) { message.setAttribute("tabindex", "-1"); }
    show(target, target);
    return;
  }
  var row = document.querySelector("tr.highlight");
  if (row) { show(row, row); }
})();
