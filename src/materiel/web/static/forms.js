// Forms and new rows: after a refused form, bring its first error into view and focus the
// field (or the form's message); after a write, bring the new (highlighted) row into view.
// Tables wider than their box scroll inside it: such a box is made reachable with the
// keyboard (a named region in the tab order), others stay out of it.
(function () {
  "use strict";
  function scrollers() {
    var boxes = document.querySelectorAll(".scroll");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var wide = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (wide) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
  scrollers();
  window.addEventListener("resize", scrollers);

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
