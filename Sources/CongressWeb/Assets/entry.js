// The entry screen's one script: after a refused ballot, the typed text is selected so that
// the clerk's next keys replace it; a ballot taken back for correction shows its text with the
// cursor at its end (R-E-29). Nothing else; no data leaves the page.
document.addEventListener("DOMContentLoaded", function () {
  var field = document.getElementById("typed");
  if (!field) { return; }
  field.focus();
  if (field.dataset.refused === "1") { field.select(); }
  else { var end = field.value.length; field.setSelectionRange(end, end); }
});
