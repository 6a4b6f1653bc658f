// Follow a background job: poll its status, update the progress bar, open the result.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");
  var bar = document.getElementById("job-progress");
  var pct = document.getElementById("job-pct");
  var status = document.getElementById("job-status");
  var state = status.getAttribute("data-status");
  if (state === "done" || state === "failed") { return; }
  function tick() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (job) {
        bar.value = job.progress;
        pct.textContent = Math.round(job.progress * 100) + "%";
        status.textContent = job.status + (job.message ? ": " + job.message : "");
        status.setAttribute("data-status", job.status);
        if (job.status === "done" && job.page_url) {
          window.location.assign(job.page_url + "&job=" + job.id);
        } else if (job.status !== "failed") {
          window.setTimeout(tick, 800);
        }
      })
      .catch(function (e) {
        status.textContent = "Could not read the job status (" + e.message + "); reload the page.";
      });
  }
  window.setTimeout(tick, 400);
})();
