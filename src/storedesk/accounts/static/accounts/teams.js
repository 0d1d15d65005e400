// Team editor: "Add hours" and "Add a holiday" copy the last row of their list, empty and
// numbered on. Without JavaScript every list already ends in one empty row.
"use strict";

for (const button of document.querySelectorAll("button[data-add-row]")) button.hidden = false;

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-add-row]");
  if (!button) return;
  const list = document.getElementById(button.dataset.addRow);
  if (!list) return;
  const rows = list.querySelectorAll("li[data-row]");
  const last = rows[rows.length - 1];
  const max = Number(list.dataset.max || 0);
  if (!last || (max && rows.length >= max)) return;
  const number = Number(last.dataset.row) + 1;
  const copy = last.cloneNode(true);
  copy.dataset.row = String(number);
  // Names and ids end in "-<row>-<field>" ("hours-1-2-start" is Monday's second interval).
  const renumber = (text) => text.replace(/-\d+-([a-z]+)$/, `-${number}-$1`);
  for (const input of copy.querySelectorAll("input")) {
    input.name = renumber(input.name);
    input.id = renumber(input.id);
    if (input.type === "checkbox") input.checked = false;
    else input.value = "";
    if (input.dataset.labelPattern) {
      input.setAttribute("aria-label", input.dataset.labelPattern.replace("{n}", String(number)));
    }
  }
  for (const label of copy.querySelectorAll("label[for]")) {
    label.htmlFor = renumber(label.htmlFor);
  }
  list.appendChild(copy);
  copy.querySelector("input").focus();
  if (max && rows.length + 1 >= max) button.hidden = true;
});
