// Shows the support team's working hours in the visitor's own time zone. Optional: without
// it the page still lists them in the team's zone, which it names.
(function () {
  "use strict";
  var section = document.querySelector("[data-working-hours]");
  if (!section || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === section.getAttribute("data-team-zone")) return;
  var lang = document.documentElement.lang || undefined;
  var clock = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit" });
  var weekday = new Intl.DateTimeFormat(lang, { weekday: "short" });
  var changed = false;
  section.querySelectorAll("time[datetime]").forEach(function (node) {
    var value = node.getAttribute("datetime");
    var moment = new Date(value);
    if (isNaN(moment.getTime())) return;
    var text = clock.format(moment);
    // Name the day only where the visitor's day is not the row's day.
    var local = moment.getFullYear() + "-" + String(moment.getMonth() + 1).padStart(2, "0") +
      "-" + String(moment.getDate()).padStart(2, "0");
    if (local !== node.getAttribute("data-day")) text = weekday.format(moment) + " " + text;
    node.title = node.textContent;
    node.textContent = text;
    changed = true;
  });
  if (!changed) return;
  var teamNote = section.querySelector("[data-team-zone-note]");
  var localNote = section.querySelector("[data-local-zone]");
  if (teamNote) teamNote.hidden = true;
  if (localNote) {
    localNote.querySelector("[data-zone-name]").textContent = zone;
    localNote.hidden = false;
  }
})();
