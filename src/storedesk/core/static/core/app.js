// Storedesk agent UI: the little behaviour the pages need beyond links, forms and htmx.
"use strict";

// Drop-down menus are <details> elements: close them on a click elsewhere or on Escape.
document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    if (!menu.contains(event.target)) menu.removeAttribute("open");
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details.menu[open]")) {
    menu.removeAttribute("open");
    menu.querySelector("summary").focus();
  }
});

// Forms that undo something ask first: <form data-confirm="Revoke this token?">.
document.addEventListener("submit", (event) => {
  const question = event.target.dataset && event.target.dataset.confirm;
  if (question && !window.confirm(question)) event.preventDefault();
});

// <button data-copy="#new-token" data-copied="Copied"> copies that element's text.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  await navigator.clipboard.writeText(source.textContent.trim());
  button.textContent = button.dataset.copied || button.textContent;
});

// <select data-autosubmit> submits its form as soon as a choice is made.
document.addEventListener("change", (event) => {
  if (event.target.matches("select[data-autosubmit]")) event.target.form.requestSubmit();
});

// Email images from other sites arrive as <img data-blocked-src>: loading one tells the
// sender that the message was opened, and from where. They load only when the agent asks,
// and never from this site itself, where a request would carry the agent's cookies.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-load-remote-images]");
  if (!button) return;
  const message = button.closest("[data-message-id], .message, article") || document;
  for (const image of message.querySelectorAll("img[data-blocked-src]")) {
    let source;
    try {
      source = new URL(image.dataset.blockedSrc);
    } catch {
      continue;
    }
    // The page's Content-Security-Policy loads images over HTTPS only.
    if (source.protocol === "http:") source.protocol = "https:";
    if (source.protocol !== "https:" || source.origin === window.location.origin) continue;
    image.src = source.href;
    image.removeAttribute("data-blocked-src");
  }
  button.remove();
});
