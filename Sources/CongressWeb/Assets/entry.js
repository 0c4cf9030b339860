// The entry screen's one script: after a refused ballot, the typed text is selected so that
// the clerk's next keys replace it (R-E-29). Nothing else; no data leaves the page.
document.addEventListener("DOMContentLoaded", function () {
  var field = document.getElementById("typed");
  if (field && field.dataset.refused === "1") { field.focus(); field.select(); }
});
