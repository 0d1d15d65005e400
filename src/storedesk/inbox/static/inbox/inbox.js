// Storedesk agent inbox: live updates over the agent socket, the composer, keyboard
// shortcuts. Everything here improves pages that also work without it: links navigate,
// forms post and redirect.
"use strict";

(() => {
  const root = document.getElementById("inbox");
  if (!root) return;
  const texts = JSON.parse(document.getElementById("inbox-texts").textContent);
  const myId = Number(root.dataset.userId);

  const format = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (_, name) => (name in values ? values[name] : ""));

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    // crypto.randomUUID needs a secure context; getRandomValues does not.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // htmx: a refused input (422) or a conflict (409) comes back as the panel with the
  // reason in it, so it replaces the panel like a success does.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "4(09|22)", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ];
  }

  // The open conversation ----------------------------------------------------------

  const conversation = () => document.querySelector("#conversation-area .conversation");
  const conversationId = () => {
    const element = conversation();
    return element ? Number(element.dataset.conversationId) : null;
  };

  function lastMessageId() {
    let last = 0;
    for (const item of document.querySelectorAll("#messages [data-message-id]")) {
      last = Math.max(last, Number(item.dataset.messageId));
    }
    return last;
  }

  function scrollThreadToEnd() {
    const scroller = document.getElementById("thread-scroll");
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }

  function appendMessages(html, { follow = false } = {}) {
    const log = document.getElementById("messages");
    if (!log) return;
    const scroller = document.getElementById("thread-scroll");
    const nearEnd = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 120;
    const template = document.createElement("template");
    template.innerHTML = html;
    let added = 0;
    for (const article of template.content.querySelectorAll("[data-message-id]")) {
      if (log.querySelector(`[data-message-id="${article.dataset.messageId}"]`)) continue;
      article.classList.add("is-new");
      log.appendChild(article);
      added += 1;
    }
    if (added) {
      const empty = scroller.querySelector(".thread-note:last-child");
      if (empty && !log.nextElementSibling) empty.remove();
      if (follow || nearEnd) scrollThreadToEnd();
    }
  }

  // One fetch at a time; a request while one runs fetches once more afterwards.
  let fetchingMessages = false;
  let fetchAgain = false;
  async function fetchNewMessages() {
    const element = conversation();
    if (!element) return;
    if (fetchingMessages) {
      fetchAgain = true;
      return;
    }
    fetchingMessages = true;
    try {
      const response = await fetch(`${element.dataset.messagesUrl}?after=${lastMessageId()}`, {
        headers: { "HX-Request": "true" },
        credentials: "same-origin",
      });
      if (response.ok && conversation() === element) appendMessages(await response.text());
    } catch (error) {
      // Offline for a moment: the next event, poll or reconnect fetches again.
    } finally {
      fetchingMessages = false;
      if (fetchAgain) {
        fetchAgain = false;
        fetchNewMessages();
      }
    }
  }

  function updateDelivery(message) {
    const label = document.querySelector(
      `#messages [data-message-id="${message.id}"] [data-delivery]`,
    );
    if (!label) return;
    label.textContent = texts.delivery[message.delivery_status] || message.delivery_status;
    label.className = `delivery delivery-${message.delivery_status}`;
  }

  // The details panel is refreshed when the conversation changes elsewhere, but never
  // while the agent is filling in one of its fields.
  let detailsStale = false;
  function refreshDetails() {
    const element = conversation();
    const details = document.getElementById("conversation-details");
    if (!element || !details || !window.htmx) return;
    const active = document.activeElement;
    if (details.contains(active) && active.matches("input, select, textarea")) {
      detailsStale = true;
      return;
    }
    detailsStale = false;
    htmx.ajax("GET", element.dataset.detailsUrl, {
      target: "#conversation-details",
      swap: "outerHTML",
    });
  }
  document.addEventListener("focusout", (event) => {
    const details = document.getElementById("conversation-details");
    if (!detailsStale || !details || !details.contains(event.target)) return;
    setTimeout(() => {
      if (!details.contains(document.activeElement)) refreshDetails();
    }, 0);
  });

  // The list --------------------------------------------------------------------------

  function markCurrentRow() {
    const id = conversationId();
    for (const link of document.querySelectorAll(".conversation-row > a")) {
      const row = link.parentElement;
      if (id !== null && Number(row.dataset.conversationId) === id) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    }
  }

  let listTimer = null;
  function scheduleListRefresh() {
    clearTimeout(listTimer);
    listTimer = setTimeout(refreshList, 400);
  }

  async function refreshList() {
    const list = document.getElementById("conversation-list");
    if (!list) return;
    const query = list.dataset.listQuery || "";
    let html;
    try {
      const response = await fetch(`${root.dataset.listUrl}${query ? `?${query}` : ""}`, {
        headers: { "HX-Request": "true" },
        credentials: "same-origin",
      });
      if (!response.ok) return;
      html = await response.text();
    } catch (error) {
      return;
    }
    const current = document.getElementById("conversation-list");
    // The filters changed while we asked, or a filtered list is on its way: that newer
    // list wins.
    if (!current || (current.dataset.listQuery || "") !== query) return;
    const filters = document.getElementById("inbox-filters");
    if (filters && filters.classList.contains("htmx-request")) return;
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const fresh = template.content.querySelector("#conversation-list");
    if (!fresh) return;
    // The view tabs come along: their counts move with every new chat and assignment.
    const views = template.content.querySelector("#inbox-views");
    const currentViews = document.getElementById("inbox-views");
    if (views && currentViews) {
      views.removeAttribute("hx-swap-oob");
      currentViews.replaceWith(views);
    }
    const focusedRow = document.activeElement && document.activeElement.closest(".conversation-row");
    const focusedId = focusedRow ? focusedRow.dataset.conversationId : null;
    // Swapped in place, not replaced: a request htmx has in flight swaps into this very
    // element when it answers, and a detached one would swallow that answer.
    for (const name of current.getAttributeNames()) {
      if (!fresh.hasAttribute(name)) current.removeAttribute(name);
    }
    for (const name of fresh.getAttributeNames()) {
      current.setAttribute(name, fresh.getAttribute(name));
    }
    current.replaceChildren(...fresh.childNodes);
    if (window.htmx) htmx.process(current);
    markCurrentRow();
    if (focusedId) {
      const link = current.querySelector(`[data-conversation-id="${focusedId}"] > a`);
      if (link) link.focus({ preventScroll: true });
    }
  }

  // Typing -----------------------------------------------------------------------------

  const typers = new Map();
  function renderTyping() {
    const line = document.getElementById("typing");
    if (!line) return;
    const names = Array.from(typers.values(), (entry) => entry.name);
    line.textContent = names.length ? format(texts.typing, { name: names.join(", ") }) : "";
  }

  function showTyping(event) {
    const key = `${event.who}:${event.user_id ?? ""}`;
    const previous = typers.get(key);
    if (previous) clearTimeout(previous.timer);
    if (!event.typing) {
      typers.delete(key);
    } else {
      // A lost "stopped typing" must not leave the line up for ever.
      const timer = setTimeout(() => {
        typers.delete(key);
        renderTyping();
      }, 8000);
      typers.set(key, { name: event.name || texts.someone, timer });
    }
    renderTyping();
  }

  function clearTyping() {
    for (const entry of typers.values()) clearTimeout(entry.timer);
    typers.clear();
    renderTyping();
  }

  let typingSentAt = 0;
  let typingStopTimer = null;
  function noteTyping() {
    const id = conversationId();
    if (id === null) return;
    const now = Date.now();
    if (now - typingSentAt > 3000) {
      send({ type: "typing", conversation_id: id, typing: true });
      typingSentAt = now;
    }
    clearTimeout(typingStopTimer);
    typingStopTimer = setTimeout(stopTyping, 5000);
  }

  function stopTyping() {
    clearTimeout(typingStopTimer);
    const id = conversationId();
    if (typingSentAt && id !== null) send({ type: "typing", conversation_id: id, typing: false });
    typingSentAt = 0;
  }

  // The agent socket ---------------------------------------------------------------------

  let socket = null;
  let attempts = 0;
  let heartbeat = null;
  let pollTimer = null;
  let retryTimer = null;
  let steadyTimer = null;
  let stopped = false; // logged out or refused: retrying cannot help

  // Reconnecting: a first retry within half a second, then doubling up to a few seconds,
  // each with jitter so that a restarted server is not hit by every open inbox at once. A
  // restart therefore costs an agent a few seconds, not the half minute a long back-off
  // would. Like the chat widget's, but capped lower: an agent's page is the work itself.
  const RETRY_FIRST = 500;
  const RETRY_MAX = 4000;
  // A socket that stays open this long was a real connection: the back-off starts over.
  // One closed at once (a server still starting) keeps growing it.
  const STEADY_AFTER = 5000;

  function retryDelay() {
    const delay = Math.min(RETRY_MAX, RETRY_FIRST * 2 ** attempts);
    attempts += 1;
    return delay / 2 + Math.random() * (delay / 2);
  }

  function scheduleReconnect(delay) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function setLive(live, message) {
    root.dataset.live = String(live);
    const status = document.getElementById("live-status");
    if (!status) return;
    status.hidden = live;
    status.textContent = live ? "" : message;
  }

  // Without the socket the page still catches up, only more slowly.
  function startPolling() {
    if (pollTimer) return;
    pollTimer = setInterval(() => {
      fetchNewMessages();
      scheduleListRefresh();
    }, 15000);
  }

  function stopPolling() {
    clearInterval(pollTimer);
    pollTimer = null;
  }

  function resync() {
    scheduleListRefresh();
    fetchNewMessages();
    refreshDetails();
  }

  function connect() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (socket) return;
    if (!("WebSocket" in window)) {
      startPolling();
      return;
    }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}${root.dataset.socketPath}`);
    socket.addEventListener("open", () => {
      clearTimeout(steadyTimer);
      steadyTimer = setTimeout(() => {
        attempts = 0;
      }, STEADY_AFTER);
      setLive(true);
      // Connecting marks the agent seen (online, unless they chose away) before this
      // socket joins its groups, so it never hears that change: read it instead.
      if (window.htmx && document.getElementById("presence-form")) {
        htmx.ajax("GET", root.dataset.presenceUrl, { target: "#presence-form", swap: "outerHTML" });
      }
      stopPolling();
      // There is no replay: whatever happened while we were away is read over HTTP.
      resync();
      heartbeat = setInterval(() => send({ type: "heartbeat" }), 30000);
    });
    socket.addEventListener("message", (message) => {
      let data;
      try {
        data = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      if (data && data.event) handleEvent(data.event);
    });
    socket.addEventListener("close", (closed) => {
      clearInterval(heartbeat);
      clearTimeout(steadyTimer);
      socket = null;
      startPolling();
      if (closed.code === 4401 || closed.code === 4404) {
        // Logged out or no longer allowed: retrying cannot help.
        stopped = true;
        setLive(false, texts.offline);
        return;
      }
      setLive(false, texts.reconnecting);
      scheduleReconnect(retryDelay());
    });
  }

  // Back online, or back to the tab: try now rather than at the end of a back-off.
  function reconnectNow() {
    if (stopped || socket || document.visibilityState === "hidden") return;
    attempts = 0;
    connect();
  }
  window.addEventListener("online", reconnectNow);
  document.addEventListener("visibilitychange", reconnectNow);

  function handleEvent(event) {
    const openId = conversationId();
    switch (event.type) {
      case "message":
        if (event.message && event.message.conversation_id === openId) {
          if (event.op === "delivery_updated") updateDelivery(event.message);
          else fetchNewMessages();
          if (event.message.direction === "inbound") {
            for (const [key, entry] of typers) {
              if (key.startsWith("customer:")) {
                clearTimeout(entry.timer);
                typers.delete(key);
              }
            }
            renderTyping();
          }
        }
        if (event.op === "created") scheduleListRefresh();
        break;
      case "conversation":
        scheduleListRefresh();
        if (event.conversation && event.conversation.id === openId && event.actor_user_id !== myId) {
          refreshDetails();
        }
        break;
      case "mention":
        if (event.user_id === myId) {
          toast(texts.mentioned, `${root.dataset.listUrl}${event.conversation_id}/`);
        }
        break;
      case "presence":
        if (event.user_id === myId) showMyPresence(event.presence);
        break;
      case "typing":
        if (event.conversation_id !== openId) break;
        if (event.who === "agent" && event.user_id === myId) break;
        showTyping(event);
        break;
      default:
        break;
    }
  }

  function showMyPresence(presence) {
    for (const button of document.querySelectorAll("#presence-form [name=presence]")) {
      button.setAttribute("aria-pressed", String(button.value === presence));
    }
  }

  function toast(text, href) {
    const area = document.getElementById("toasts");
    if (!area) return;
    const item = document.createElement("div");
    item.className = "toast";
    item.textContent = `${text} `;
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = texts.open;
      item.appendChild(link);
    }
    area.appendChild(item);
    setTimeout(() => item.remove(), 8000);
  }

  // The composer -------------------------------------------------------------------------

  function setMode(mode) {
    const composer = document.getElementById("composer");
    if (!composer) return null;
    composer.dataset.mode = mode;
    for (const tab of composer.querySelectorAll("[role=tab]")) {
      tab.setAttribute("aria-selected", String(tab.dataset.mode === mode));
    }
    return composer.querySelector(mode === "note" ? "#note-text" : "#reply-text");
  }

  function showError(form, message) {
    const error = form.querySelector(".form-error");
    if (!error) return;
    error.textContent = message;
    error.hidden = !message;
  }

  document.addEventListener("click", (event) => {
    const tab = event.target.closest("#composer [role=tab]");
    if (tab) {
      const field = setMode(tab.dataset.mode);
      if (field) field.focus();
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target.matches("textarea[data-typing]")) {
      if (event.target.value.trim()) noteTyping();
      else stopTyping();
    }
  });

  document.addEventListener("keydown", (event) => {
    const field = event.target;
    if (!field.matches || !field.matches("#composer textarea")) return;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      field.form.requestSubmit();
    } else if (event.key === "Escape") {
      field.blur();
    }
  });

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-composer]");
    if (!form) return;
    event.preventDefault();
    if (form.dataset.busy) return;
    if (form.querySelector(".uploads .uploading")) return;
    const button = form.querySelector("button[type=submit]:not([form])");
    const textarea = form.querySelector("textarea");
    form.querySelector("[name=after]").value = String(lastMessageId());
    const data = new FormData(form);
    data.delete("files"); // sent already, one by one, as uploads
    form.dataset.busy = "1";
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { "HX-Request": "true", "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      });
      const body = await response.text();
      if (!response.ok) {
        const plain = (response.headers.get("Content-Type") || "").startsWith("text/plain");
        showError(form, plain ? body : `${response.status} ${response.statusText}`);
        return;
      }
      showError(form, "");
      appendMessages(body, { follow: true });
      textarea.value = "";
      const uploads = form.querySelector(".uploads");
      if (uploads) uploads.replaceChildren();
      const clientId = form.querySelector("[name=client_id]");
      if (clientId) clientId.value = newClientId();
      if (form.dataset.composer === "reply") {
        stopTyping();
        // Answering an unassigned conversation takes it: the header and panel say so.
        refreshDetails();
      }
      scheduleListRefresh();
    } catch (error) {
      // The same client id goes with the retry, so the message is stored once.
      showError(form, texts.notSent);
    } finally {
      delete form.dataset.busy;
      if (button) button.disabled = false;
    }
  });

  // Attachments: uploaded as soon as they are chosen, sent with the reply by token.
  document.addEventListener("change", async (event) => {
    const input = event.target;
    if (!input.matches(".attach-input")) return;
    const form = input.form;
    const list = form.querySelector(".uploads");
    const files = Array.from(input.files);
    input.value = "";
    await Promise.all(files.map((file) => upload(file, list)));
  });

  async function upload(file, list) {
    const item = document.createElement("li");
    item.className = "uploading";
    item.textContent = format(texts.uploading, { name: file.name });
    list.appendChild(item);
    const body = new FormData();
    body.append("file", file);
    let answer;
    let ok = false;
    try {
      const response = await fetch(root.dataset.uploadUrl, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
      });
      ok = response.status === 201;
      answer = await response.json().catch(() => null);
      if (!ok && !answer) answer = { error: { message: `${response.status} ${response.statusText}` } };
    } catch (error) {
      answer = { error: { message: texts.notSent } };
    }
    item.className = ok ? "" : "failed";
    item.textContent = ok ? answer.filename : `${file.name}: ${answer.error.message}`;
    if (ok) {
      const token = document.createElement("input");
      token.type = "hidden";
      token.name = "attachments";
      token.value = answer.token;
      item.appendChild(token);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", format(texts.remove, { name: file.name }));
    remove.addEventListener("click", () => item.remove());
    item.appendChild(remove);
  }

  // Canned replies: the picker lists them by name; choosing one puts its text, already in
  // the customer's language and filled in, into the reply box.
  function closePicker(picker, focusButton) {
    picker.classList.remove("open");
    const button = document.getElementById("canned-button");
    if (button) {
      button.setAttribute("aria-expanded", "false");
      if (focusButton) button.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const picker = document.getElementById("canned-picker");
    if (!picker) return;
    const toggle = event.target.closest("#canned-button");
    if (toggle) {
      const open = !picker.classList.contains("open");
      picker.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", String(open));
      if (open) {
        const filter = picker.querySelector(".canned-filter");
        (filter || picker.querySelector(".canned-choice") || toggle).focus();
      }
      return;
    }
    const choice = event.target.closest(".canned-choice");
    if (choice) {
      event.preventDefault();
      const field = setMode("reply");
      insertText(field, choice.dataset.text);
      closePicker(picker, false);
      field.focus();
      return;
    }
    if (picker.classList.contains("open") && !picker.contains(event.target)) closePicker(picker);
  });

  // The same folding as the server's search keys (core.text.search_key), so that "iade"
  // finds "İade süreci" and "lodz" finds "Łódź": toLowerCase() alone gets Turkish wrong.
  const LETTERS = { ı: "i", ł: "l", Ł: "l", ø: "o", Ø: "o", đ: "d", Đ: "d", ß: "ss", æ: "ae",
    Æ: "ae", œ: "oe", Œ: "oe" };
  function fold(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[ıłŁøØđĐßæÆœŒ]/g, (letter) => LETTERS[letter])
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  document.addEventListener("input", (event) => {
    if (!event.target.matches(".canned-filter")) return;
    const words = fold(event.target.value).split(" ").filter(Boolean);
    for (const item of document.querySelectorAll(".canned-list li")) {
      const key = item.dataset.search;
      item.hidden = !words.every((word) => key.includes(word));
    }
  });

  // "/where" typed in the reply box, then Tab, Enter or a space, becomes the canned reply
  // whose shortcut it is: the shortcut the picker shows beside each reply.
  function expandShortcut(field) {
    const end = field.selectionStart;
    if (end !== field.selectionEnd) return false;
    const match = /(^|\s)\/([a-z0-9][a-z0-9_-]{0,39})$/.exec(field.value.slice(0, end));
    if (!match) return false;
    const choice = Array.from(document.querySelectorAll(".canned-list li[data-shortcut]")).find(
      (item) => item.dataset.shortcut === match[2],
    );
    const button = choice && choice.querySelector(".canned-choice");
    if (!button) return false;
    field.setRangeText(button.dataset.text, end - match[2].length - 1, end, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }

  document.addEventListener("keydown", (event) => {
    const field = event.target;
    if (!field.matches || !field.matches("#reply-text")) return;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing) {
      return;
    }
    if (event.key !== "Tab" && event.key !== "Enter" && event.key !== " ") return;
    if (expandShortcut(field)) event.preventDefault();
  });

  document.addEventListener("keydown", (event) => {
    const picker = document.getElementById("canned-picker");
    if (event.key === "Escape" && picker && picker.contains(event.target)) {
      event.preventDefault();
      closePicker(picker, true);
    }
  });

  function insertText(field, text) {
    if (!field) return;
    if (!field.value.trim()) {
      field.value = text;
    } else {
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? field.value.length;
      const before = start > 0 && !/\s$/.test(field.value.slice(0, start)) ? " " : "";
      field.setRangeText(before + text, start, end, "end");
    }
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Panes on narrow screens --------------------------------------------------------------

  document.addEventListener("click", (event) => {
    const toggle = event.target.closest("[data-toggle-details]");
    if (!toggle) return;
    event.preventDefault();
    root.classList.toggle("show-details");
  });

  // htmx swaps ---------------------------------------------------------------------------

  document.addEventListener("htmx:afterSwap", (event) => {
    const target = event.detail.target;
    if (target && target.id === "conversation-area") {
      root.classList.add("has-conversation");
      root.classList.remove("show-details");
      clearTyping();
      typingSentAt = 0;
      markCurrentRow();
      scrollThreadToEnd();
    } else if (target && target.id === "conversation-list") {
      markCurrentRow();
    }
  });

  document.addEventListener("htmx:responseError", (event) => {
    const xhr = event.detail.xhr;
    toast(`${xhr.status} ${xhr.statusText}`);
  });
  document.addEventListener("htmx:sendError", () => toast(texts.notSent));

  // Keyboard shortcuts: never while the agent types in a field. ---------------------------

  function inField(element) {
    return Boolean(
      element &&
        element.closest &&
        element.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]"),
    );
  }

  function moveInList(step) {
    const links = Array.from(document.querySelectorAll(".conversation-row > a"));
    if (!links.length) return;
    let index = links.findIndex((link) => link.getAttribute("aria-current") === "true");
    if (index === -1) index = links.indexOf(document.activeElement.closest?.(".conversation-row > a"));
    const next = links[index === -1 ? 0 : Math.min(links.length - 1, Math.max(0, index + step))];
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: "nearest" });
    if (next.getAttribute("aria-current") !== "true") next.click();
  }

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (inField(event.target) || document.querySelector("dialog[open]")) return;
    const click = (selector) => {
      const button = document.querySelector(selector);
      if (button) button.click();
      return Boolean(button);
    };
    let handled = true;
    switch (event.key) {
      case "j":
        moveInList(1);
        break;
      case "k":
        moveInList(-1);
        break;
      case "r":
      case "n": {
        const field = setMode(event.key === "n" ? "note" : "reply");
        if (field) field.focus();
        else handled = false;
        break;
      }
      case "a":
        handled = click('[data-shortcut="a"]');
        break;
      case "e":
        handled = click('[data-shortcut="e"]');
        break;
      case "/": {
        const search = document.getElementById("inbox-search");
        if (search) search.focus();
        break;
      }
      case "?": {
        const dialog = document.getElementById("shortcuts");
        if (dialog && dialog.showModal) dialog.showModal();
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  // Start --------------------------------------------------------------------------------

  scrollThreadToEnd();
  connect();
})();
