/*! Storedesk chat widget. One framework-free script: a <storedesk-chat> element whose shadow
 * root holds all of its markup and CSS, so the shop's styles and ours never meet.
 *
 * Embed: <script src="https://desk.example/static/livechat/widget.js"
 *                 data-storedesk-key="wk_..." data-language="tr" async></script>
 * Optional, before it: window.StoredeskSettings = {identity: {external_id, email, name, hmac},
 *                                                  language: "tr"}
 * Its words come from the server, in the language it chose (the session's widget.strings):
 * this script carries no translations of its own.
 * Documented in docs/chat-widget.md; the server contract is docs/livechat.md. */
(function () {
  "use strict";

  var TAG = "storedesk-chat";
  if (!window.customElements || !window.fetch || customElements.get(TAG)) return;

  var script =
    document.currentScript || document.querySelector("script[data-storedesk-key]");
  if (!script) return;
  var KEY = script.getAttribute("data-storedesk-key") || "";
  // The language of the page the widget is on: the tag's own, else the document's.
  var PAGE_LANGUAGE = script.getAttribute("data-language") || document.documentElement.lang || "";
  // The server is wherever the script itself was loaded from, unless told otherwise.
  var SERVER = (
    script.getAttribute("data-storedesk-server") || new URL(script.src, location.href).origin
  ).replace(/\/+$/, "");
  var API = SERVER + "/widget/v1";
  var PREFIX = "storedesk:" + KEY + ":";

  var POLL_INTERVAL = 3000;
  var SOCKET_FAILURES_BEFORE_POLLING = 3;
  var SOCKET_PROBE_INTERVAL = 60000; // while polling, try the socket again this often
  var MAX_BACKOFF = 30000;
  var TYPING_THROTTLE = 3000;
  var TYPING_IDLE = 4000;
  var TYPING_SHOWN_FOR = 12000;
  var DEFAULT_LIMITS = {
    max_message_length: 10000,
    max_attachment_bytes: 10485760,
    attachment_types: ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"],
    max_attachments_per_message: 5,
  };
  var MB = 1024 * 1024;
  var RTL_LANGUAGES = /^(ar|dv|fa|he|ku|ps|sd|ug|ur|yi)$/;
  var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
  var LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

  // Markup and style: static, ours; server data only ever goes in through textContent.
  var ICON_CHAT =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 5h16v11H9l-5 4z"/></svg>';
  var ICON_CLOSE =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>';
  var CSS =
    ":host{all:initial}" +
    "*{box-sizing:border-box}" +
    "[hidden],.root:not(.ready){display:none!important}" +
    ".root{--a:#2151c1;--on:#fff;--bg:#fff;--fg:#1b2330;--mut:#556070;--line:#dde2e8;" +
    "--soft:#f1f3f6;--bad:#b42318;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto," +
    "'Noto Sans',Arial,sans-serif;color:var(--fg);-webkit-text-size-adjust:100%}" +
    "button,input,textarea{font:inherit;color:inherit}" +
    ":focus-visible{outline:3px solid var(--a);outline-offset:2px}" +
    ".vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);" +
    "white-space:nowrap}" +
    ".launcher{position:fixed;inset-block-end:20px;inset-inline-end:20px;z-index:2147483000;" +
    "display:flex;align-items:center;gap:8px;min-height:56px;padding-inline:16px 20px;border:0;" +
    "border-radius:28px;background:var(--a);color:var(--on);font-weight:600;cursor:pointer;" +
    "box-shadow:0 4px 16px rgba(0,0,0,.22);transition:transform .15s}" +
    ".launcher:hover{transform:translateY(-2px)}" +
    ".launcher:focus-visible{outline-color:var(--fg);outline-offset:3px}" +
    "svg{width:24px;height:24px;flex:none;fill:none;stroke:currentColor;stroke-width:2;" +
    "stroke-linecap:round;stroke-linejoin:round}" +
    ".badge{position:absolute;inset-block-start:-4px;inset-inline-end:-4px;min-width:22px;" +
    "height:22px;padding:0 6px;border-radius:11px;background:var(--bad);color:#fff;" +
    "font-size:12px;line-height:22px;text-align:center;border:2px solid #fff}" +
    ".panel{position:fixed;inset-block-end:88px;right:20px;z-index:2147483000;" +
    "width:380px;max-width:calc(100vw - 40px);height:min(620px,calc(100vh - 110px));" +
    "display:flex;flex-direction:column;background:var(--bg);border-radius:14px;" +
    "box-shadow:0 10px 40px rgba(0,0,0,.25);overflow:hidden;animation:in .18s ease-out}" +
    ".flip .panel{right:auto;left:20px}" +
    "@keyframes in{from{opacity:0;transform:translateY(12px)}}" +
    "header{display:flex;align-items:flex-start;gap:8px;padding-block:14px 12px;" +
    "padding-inline:18px 12px;" +
    "background:var(--a);color:var(--on)}" +
    "header div{flex:1;min-width:0}" +
    "h2{margin:0;font-size:17px;line-height:1.3}" +
    ".sub{margin:2px 0 0;font-size:13px;opacity:.92}" +
    ".icon{display:grid;place-items:center;width:40px;height:40px;flex:none;border:0;" +
    "border-radius:50%;background:transparent;color:inherit;cursor:pointer}" +
    ".icon:hover{background:rgba(127,127,127,.18)}" +
    "header .icon:focus-visible{outline-color:var(--on)}" +
    ".banner{margin:0;padding:6px 18px;background:#fff1d1;color:#5c3b00;font-size:13px}" +
    ".log{flex:1;overflow-y:auto;padding:14px 14px 6px;display:flex;flex-direction:column;" +
    "gap:10px;overscroll-behavior:contain}" +
    ".msg{display:flex;flex-direction:column;align-items:flex-start;max-width:85%}" +
    ".msg.mine{align-self:flex-end;align-items:flex-end}" +
    ".msg.system{align-self:center;align-items:center;color:var(--mut);font-size:13px}" +
    ".who{font-size:12px;color:var(--mut);margin:0 4px 2px}" +
    ".bubble{padding:8px 12px;border-radius:14px;background:var(--soft);" +
    "border-end-start-radius:4px;overflow-wrap:anywhere}" +
    ".mine .bubble{background:var(--a);color:var(--on);border-end-start-radius:14px;" +
    "border-end-end-radius:4px}" +
    ".mine .bubble a{color:inherit}" +
    ".text{margin:0;white-space:pre-wrap}" +
    ".text:empty{display:none}" +
    ".meta{font-size:11px;color:var(--mut);margin:2px 4px 0}" +
    ".pending .meta{font-style:italic}" +
    ".failed .bubble{outline:2px solid var(--bad)}" +
    ".failed .meta{color:var(--bad)}" +
    ".files{display:flex;flex-direction:column;gap:6px;margin-block-start:6px}" +
    ".files:first-child{margin:0}" +
    ".files img{display:block;max-width:100%;max-height:220px;border-radius:8px;" +
    "min-width:60px;min-height:40px;background:rgba(127,127,127,.15)}" +
    ".file{color:inherit;text-decoration:underline}" +
    ".typing{margin:0;padding:0 18px 4px;font-size:13px;color:var(--mut);font-style:italic}" +
    ".notice{padding:10px 12px;border-radius:10px;border:1px solid var(--line);font-size:14px}" +
    ".notice p{margin:0 0 8px}" +
    ".notice label{display:block;font-weight:600;font-size:13px}" +
    ".row{display:flex;gap:6px;margin-block-start:6px}" +
    ".row input{flex:1;min-width:0;padding:7px 10px;border:1px solid #8a95a3;border-radius:8px;" +
    "background:#fff}" +
    ".btn{padding:7px 14px;border:0;border-radius:8px;background:var(--a);color:var(--on);" +
    "font-weight:600;cursor:pointer}" +
    ".ferr{margin:4px 0 0;color:var(--bad);font-size:13px}" +
    "[aria-invalid=true]{border-color:var(--bad)!important}" +
    ".alert{margin:0 14px 6px;padding:6px 10px;border-radius:8px;background:#fde8e6;" +
    "color:var(--bad);font-size:13px}" +
    ".chips{display:flex;flex-wrap:wrap;gap:6px;padding:0 14px 6px}" +
    ".chip{display:flex;align-items:center;gap:4px;max-width:100%;padding:2px 4px;" +
    "padding-inline-start:10px;" +
    "border-radius:14px;background:var(--soft);font-size:13px}" +
    ".chip span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}" +
    ".chip .icon{width:28px;height:28px}" +
    ".chip svg{width:16px;height:16px}" +
    "form.composer{display:flex;align-items:flex-end;gap:4px;padding:8px;" +
    "padding-inline-start:10px;" +
    "border-block-start:1px solid var(--line)}" +
    "textarea{flex:1;min-width:0;max-height:140px;padding:9px 10px;border:1px solid #8a95a3;" +
    "border-radius:10px;resize:none;background:#fff;line-height:1.4}" +
    ".composer .icon{color:var(--mut)}" +
    ".composer .send{color:var(--a)}" +
    "footer{padding:0 14px 10px;font-size:13px}" +
    ".link{padding:4px 0;border:0;background:none;color:var(--mut);text-decoration:underline;" +
    "cursor:pointer}" +
    "footer p{margin:4px 0 0;color:var(--mut)}" +
    "@media (max-width:480px){" +
    ".panel,.flip .panel{inset:0;width:100%;max-width:none;height:100%;border-radius:0}" +
    ".launcher{padding:0;width:56px;justify-content:center}" +
    ".launcher .label{position:absolute;width:1px;height:1px;overflow:hidden;" +
    "clip-path:inset(50%)}" +
    ".open .launcher{display:none}}" +
    "@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}";

  var SHELL =
    '<div class="root">' +
    '<button type="button" class="launcher" aria-expanded="false" aria-controls="sd-panel">' +
    ICON_CHAT +
    '<span class="label"></span><span class="badge" hidden aria-hidden="true"></span></button>' +
    '<div class="panel" id="sd-panel" role="dialog" aria-modal="false" ' +
    'aria-labelledby="sd-title" aria-describedby="sd-sub" hidden>' +
    '<header><div><h2 id="sd-title"></h2><p class="sub" id="sd-sub"></p></div>' +
    '<button type="button" class="icon close">' +
    ICON_CLOSE +
    "</button></header>" +
    '<p class="banner" role="status" hidden></p>' +
    '<div class="log" role="log" aria-live="polite" tabindex="0">' +
    '<div class="msg greet"><div class="bubble"></div></div>' +
    '<div class="notice" hidden><p class="expect"></p>' +
    '<form class="email-form" novalidate><label for="sd-email"></label><div class="row">' +
    '<input id="sd-email" type="email" autocomplete="email" required ' +
    'aria-describedby="sd-email-error"><button type="submit" class="btn"></button></div>' +
    '<p class="ferr" id="sd-email-error" role="alert" hidden></p></form>' +
    '<p class="thanks" role="status" hidden></p></div></div>' +
    '<p class="typing" hidden></p>' +
    '<p class="alert" role="alert" hidden></p>' +
    '<div class="chips"></div>' +
    '<form class="composer" novalidate>' +
    '<label class="vh" for="sd-text"></label>' +
    '<textarea id="sd-text" rows="1" autocomplete="off"></textarea>' +
    '<input type="file" class="vh" tabindex="-1" aria-hidden="true" multiple>' +
    '<button type="button" class="icon attach"><svg viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17.2a1.7 1.7 0 0 1' +
    '-2.4-2.4L15 7"/></svg></button>' +
    '<button type="submit" class="icon send"><svg viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M4 12l16-8-6 16-2.5-6.5z"/></svg></button></form>' +
    '<footer hidden><button type="button" class="link transcript"></button>' +
    '<form class="transcript-form" novalidate hidden>' +
    '<label class="vh" for="sd-transcript"></label><div class="row">' +
    '<input id="sd-transcript" type="email" autocomplete="email" ' +
    'aria-describedby="sd-transcript-error"><button type="submit" class="btn"></button></div>' +
    '<p class="ferr" id="sd-transcript-error" role="alert" hidden></p></form>' +
    '<p class="done" role="status" hidden></p></footer>' +
    "</div></div>";

  // Small helpers ------------------------------------------------------------------------

  var storage = {
    get: function (name) {
      try {
        return JSON.parse(localStorage.getItem(PREFIX + name) || "null");
      } catch (error) {
        return null; // storage blocked (private mode, third-party rules): run without memory
      }
    },
    set: function (name, value) {
      try {
        if (value === null || value === undefined) localStorage.removeItem(PREFIX + name);
        else localStorage.setItem(PREFIX + name, JSON.stringify(value));
      } catch (error) {
        /* as above */
      }
    },
  };

  function uuid() {
    // crypto.randomUUID needs a secure context; getRandomValues works on any page.
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map
      .call(b, function (x) {
        return (x + 256).toString(16).slice(1);
      })
      .join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join(
      "-"
    );
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Plain text with web links made clickable; nothing in it is ever parsed as markup.
  function linkify(node, text) {
    var last = 0;
    text.replace(LINK, function (url, at) {
      node.append(text.slice(last, at));
      var a = el("a", "", url);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer nofollow";
      node.append(a);
      last = at + url.length;
      return url;
    });
    node.append(text.slice(last));
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  function baseLanguage(tag) {
    return String(tag || "")
      .toLowerCase()
      .split(/[-_]/)[0];
  }

  function languageTag(value) {
    // A tag such as "tr" or "pt-BR"; whatever else a page may have written is left out.
    return String(value || "")
      .replace(/[^A-Za-z0-9_-]/g, "")
      .slice(0, 35);
  }

  function readableOn(hex) {
    var n = parseInt(hex.slice(1), 16);
    var channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    // White text needs 4.5:1; below that the accent is light enough for dark text.
    return 1.05 / (luminance + 0.05) >= 4.5 ? "#fff" : "#111";
  }

  function identityKey(identity) {
    if (!identity) return null;
    return String(identity.external_id || identity.email || "") || null;
  }

  // The element --------------------------------------------------------------------------

  class StoredeskChat extends HTMLElement {
    constructor() {
      super();
      this.ui = {};
      // Last visit's language and words, so that unsent messages are labelled right from
      // the start; the session's answer replaces both.
      this.language = storage.get("language") || PAGE_LANGUAGE || "en";
      this.strings = storage.get("strings") || {};
      this.limits = DEFAULT_LIMITS;
      this.token = null;
      this.conversationId = null;
      this.identified = false;
      this.ws = null;
      this.wsReady = false;
      this.attempt = 0; // reconnect attempts since the socket was last ready
      this.failures = 0; // sockets in a row that closed before the server said "ready"
      this.polling = false;
      this.inflight = {}; // client ids sent on the current connection, awaiting an ack
      this.byId = new Map();
      this.byClient = new Map();
      this.lastId = 0;
      this.uploads = [];
      this.outbox = storage.get("outbox") || [];
      this.readId = storage.get("read") || 0;
      this.unread = 0;
      this.typingSentAt = 0;
      this.restarts = 0;
      this.holdUntil = 0; // a rate limit's end: nothing is sent before it
      this.limitNotice = null;
      this.availability = { live: true, reason: "online", expected_reply: "" };
    }

    connectedCallback() {
      if (this.ui.root) return;
      var shadow = this.attachShadow({ mode: "open" });
      var style = document.createElement("style");
      style.textContent = CSS;
      var holder = document.createElement("div");
      holder.innerHTML = SHELL;
      shadow.append(style, holder.firstChild);
      var q = function (selector) {
        return shadow.querySelector(selector);
      };
      var ui = (this.ui = {
        root: q(".root"), launcher: q(".launcher"), label: q(".label"), badge: q(".badge"),
        panel: q(".panel"), title: q("h2"), sub: q(".sub"), close: q(".close"),
        banner: q(".banner"), notice: q(".notice"), expect: q(".expect"),
        emailForm: q(".email-form"), thanks: q(".thanks"), log: q(".log"), greet: q(".greet"),
        typing: q(".typing"), alert: q(".alert"), chips: q(".chips"), composer: q(".composer"),
        text: q("textarea"), file: q("input[type=file]"), attach: q(".attach"),
        send: q(".send"), footer: q("footer"), transcript: q(".transcript"),
        transcriptForm: q(".transcript-form"), done: q(".done"),
      });
      this.applyTexts();

      var self = this;
      ui.launcher.addEventListener("click", function () {
        self.setOpen(ui.panel.hidden);
      });
      ui.close.addEventListener("click", function () {
        self.setOpen(false);
      });
      ui.panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
          event.stopPropagation();
          self.setOpen(false);
        }
      });
      ui.composer.addEventListener("submit", function (event) {
        event.preventDefault();
        self.submit();
      });
      ui.text.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          self.submit();
        }
      });
      ui.text.addEventListener("input", function () {
        self.grow();
        self.typed();
      });
      ui.attach.addEventListener("click", function () {
        ui.file.click();
      });
      ui.file.addEventListener("change", function () {
        self.pick(Array.from(ui.file.files || []));
        ui.file.value = "";
      });
      ui.emailForm.addEventListener("submit", function (event) {
        event.preventDefault();
        self.leaveEmail();
      });
      ui.transcript.addEventListener("click", function () {
        var input = ui.transcriptForm.querySelector("input");
        ui.transcriptForm.hidden = !ui.transcriptForm.hidden;
        ui.done.hidden = true;
        if (ui.transcriptForm.hidden) return;
        input.value = input.value || storage.get("email") || "";
        input.focus();
      });
      ui.transcriptForm.addEventListener("submit", function (event) {
        event.preventDefault();
        self.sendTranscript();
      });
      // Keep the newest message in view when something below the log (typing, an error,
      // files to send) takes room, unless the shopper has scrolled up to read.
      this.stick = true;
      ui.log.addEventListener("scroll", function () {
        var log = ui.log;
        self.stick = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      });
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          if (self.stick) self.scrollDown();
        }).observe(ui.log);
      }
      window.addEventListener("online", function () {
        self.wake();
      });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") self.markRead();
      });

      this.outbox.forEach(function (entry) {
        self.renderPending(entry);
      });
      try {
        if (sessionStorage.getItem(PREFIX + "open") === "1") this.setOpen(true, true);
      } catch (error) {
        /* storage blocked: start closed */
      }
      this.startSession(false);
    }

    t(name, values) {
      // The server's catalogue strings, with Python-style "%(name)s" placeholders.
      var text = this.strings[name] || "";
      return text.replace(/%\((\w+)\)[sd]/g, function (match, key) {
        return values && key in values ? String(values[key]) : match;
      });
    }

    applyTexts() {
      var ui = this.ui;
      var label = this.launcherLabel || "";
      ui.panel.lang = this.language;
      // The window's text runs in the widget's language, whatever the page around it does.
      ui.panel.dir = RTL_LANGUAGES.test(baseLanguage(this.language)) ? "rtl" : "ltr";
      ui.label.textContent = label;
      ui.launcher.setAttribute(
        "aria-label",
        this.unread ? label + " (" + this.t("unread", { count: this.unread }) + ")" : label
      );
      ui.title.textContent = this.storeName || label;
      ui.close.setAttribute("aria-label", this.t("close"));
      ui.log.setAttribute("aria-label", this.t("messages"));
      ui.text.placeholder = this.t("placeholder");
      ui.composer.querySelector("label").textContent = this.t("message");
      ui.attach.setAttribute("aria-label", this.t("attach"));
      ui.send.setAttribute("aria-label", this.t("send"));
      ui.emailForm.querySelector("label").textContent = this.t("email");
      ui.emailForm.querySelector("button").textContent = this.t("save");
      ui.transcript.textContent = this.t("transcript");
      ui.transcriptForm.querySelector("label").textContent = this.t("email");
      ui.transcriptForm.querySelector("button").textContent = this.t("send");
      ui.banner.textContent = this.t("reconnecting");
      ui.greet.firstChild.textContent = this.greetingText || "";
      ui.text.maxLength = this.limits.max_message_length;
      ui.file.accept = this.limits.attachment_types.join(",");
    }

    // Session ----------------------------------------------------------------------------

    guessLanguage() {
      // The page's say first (the shop knows which language it is showing), then the
      // browser's preferences; the server picks the nearest of the store's languages.
      var settings = window.StoredeskSettings || {};
      var chosen = languageTag(settings.language) || languageTag(PAGE_LANGUAGE);
      if (chosen) return chosen;
      var wanted = (navigator.languages && navigator.languages.length
        ? navigator.languages
        : [navigator.language || "en"]
      ).map(baseLanguage);
      var offered = storage.get("languages") || [];
      for (var i = 0; i < wanted.length; i++) {
        if (offered.indexOf(wanted[i]) >= 0) return wanted[i];
      }
      return wanted[0] || "en";
    }

    async startSession(retried) {
      var settings = window.StoredeskSettings || {};
      var identity = settings.identity || null;
      // A token issued to a signed-in shopper is not handed to whoever uses the browser
      // after they sign out (or to another shopper signing in).
      var owner = storage.get("identity");
      if (owner && owner !== identityKey(identity)) this.forget();
      this.token = storage.get("token");
      var data;
      try {
        data = await this.http("POST", "/sessions", {
          key: KEY,
          token: this.token,
          language: this.guessLanguage(),
          identity: identity,
        });
      } catch (error) {
        if (error.status === 401 && this.token && !retried) {
          // The token is not valid (any more): start afresh, keeping what is still unsent.
          this.forget(true);
          return this.startSession(true);
        }
        if ([400, 403, 404, 422].indexOf(error.status) >= 0) {
          // A wrong key or a bad identity signature: the page's setup is at fault, and
          // showing a chat that cannot work would only mislead the shopper.
          console.warn("Storedesk chat: " + error.message); // eslint-disable-line no-console
          this.remove();
          return;
        }
        // Refused for now (429) or unreachable: try again when told to, or with a back-off.
        var wait = error.status === 429 && error.retryAfter ? error.retryAfter * 1000 : 0;
        this.later(function () {
          this.startSession(retried);
        }, wait || this.backoff());
        return;
      }
      this.attempt = 0;
      this.token = data.token;
      storage.set("token", data.token);
      storage.set("identity", identityKey(identity));
      if (data.store && Array.isArray(data.store.languages)) {
        storage.set("languages", data.store.languages);
      }
      this.configure(data);
      // Shown only once the server has said this widget exists and is on.
      this.ui.root.classList.add("ready");
      var history = data.messages || [];
      if (storage.get("read") === null) {
        // A first visit on this device: the history is not news.
        this.readId = history.length ? history[history.length - 1].id : 0;
        storage.set("read", this.readId);
      }
      history.forEach(this.render, this);
      if (!this.ui.panel.hidden) this.markRead();
      if (this.conversationId || this.outbox.length || !this.ui.panel.hidden) this.connect();
    }

    configure(data) {
      var widget = data.widget || {};
      var limits = data.limits || {};
      this.language = widget.language || this.language;
      this.strings = widget.strings || this.strings;
      storage.set("language", this.language);
      storage.set("strings", this.strings);
      this.storeName = (data.store && data.store.name) || "";
      this.greetingText = widget.greeting || "";
      this.launcherLabel = widget.launcher_label || "";
      this.limits = {
        max_message_length: limits.max_message_length || DEFAULT_LIMITS.max_message_length,
        max_attachment_bytes: limits.max_attachment_bytes || DEFAULT_LIMITS.max_attachment_bytes,
        attachment_types: limits.attachment_types || DEFAULT_LIMITS.attachment_types,
        max_attachments_per_message:
          limits.max_attachments_per_message || DEFAULT_LIMITS.max_attachments_per_message,
      };
      if (/^#[0-9a-f]{6}$/i.test(widget.accent_color || "")) {
        this.ui.root.style.setProperty("--a", widget.accent_color);
        this.ui.root.style.setProperty("--on", readableOn(widget.accent_color));
      }
      this.identified = !!(data.visitor && data.visitor.identified);
      this.conversationId = data.conversation ? data.conversation.id : null;
      this.availability = data.availability || { live: true, reason: "online" };
      this.applyTexts();
      this.showAvailability();
      this.refreshPending();
      this.ui.footer.hidden = !this.conversationId;
    }

    showAvailability() {
      var ui = this.ui;
      var a = this.availability;
      ui.notice.hidden = !!a.live;
      if (a.live) {
        ui.sub.textContent = a.expected_reply || "";
        return;
      }
      var reason = a.reason === "outside_hours" ? "outside_hours" : "no_agent_online";
      ui.sub.textContent = this.t(reason);
      ui.expect.textContent = a.expected_reply || "";
      var left = storage.get("email");
      ui.emailForm.hidden = this.identified || !!left;
      ui.thanks.hidden = !left;
      if (left) ui.thanks.textContent = this.t("email_saved", { email: left });
    }

    forget(keepOutbox) {
      var self = this;
      this.token = null;
      this.conversationId = null;
      ["token", "identity", "read", "email"].forEach(function (name) {
        storage.set(name, null);
      });
      if (!keepOutbox) {
        this.outbox = [];
        storage.set("outbox", null);
      }
      this.readId = 0;
      this.lastId = 0;
      this.byId.clear();
      this.byClient.clear();
      this.ui.log.querySelectorAll("[data-id],[data-client]").forEach(function (node) {
        node.remove();
      });
      this.outbox.forEach(function (entry) {
        self.renderPending(entry);
      });
    }

    restartSession() {
      // The socket refused the token: ask the session endpoint, which either accepts it or
      // says 401 and a fresh session starts. A server that keeps refusing gets polled.
      this.closeSocket();
      if (++this.restarts > 2) {
        this.startPolling();
        return;
      }
      this.startSession(false);
    }

    // HTTP --------------------------------------------------------------------------------

    async http(method, path, body) {
      var headers = {};
      var init = { method: method, headers: headers, credentials: "omit", mode: "cors" };
      if (this.token && path !== "/sessions") headers.Authorization = "Visitor " + this.token;
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        headers["Content-Type"] = "application/json";
        init.body = JSON.stringify(body);
      }
      var response = await fetch(API + path, init);
      var data = null;
      if (response.status !== 204) {
        try {
          data = await response.json();
        } catch (error) {
          data = null;
        }
      }
      if (!response.ok) {
        var detail = (data && data.error) || {};
        var failure = new Error(detail.message || response.statusText || "HTTP " + response.status);
        failure.status = response.status;
        failure.code = detail.code || "";
        failure.details = detail.details || null;
        failure.retryAfter = Number(response.headers.get("Retry-After")) || 0;
        throw failure;
      }
      return data;
    }

    // Socket and polling ------------------------------------------------------------------

    connect() {
      if (this.ws || !this.token) return;
      var url =
        SERVER.replace(/^http/, "ws") + "/ws/widget/?token=" + encodeURIComponent(this.token);
      var self = this;
      var ready = false;
      var ws;
      clearTimeout(this.reconnectTimer);
      try {
        ws = new WebSocket(url);
      } catch (error) {
        this.socketClosed(false, 0);
        return;
      }
      this.ws = ws;
      ws.onmessage = function (event) {
        if (self.ws !== ws) return;
        var frame;
        try {
          frame = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (frame.type === "ready") {
          ready = true;
          self.onReady(frame);
        } else self.onFrame(frame);
      };
      ws.onclose = function (event) {
        if (self.ws !== ws) return;
        self.socketClosed(ready, event.code);
      };
    }

    closeSocket() {
      var ws = this.ws;
      this.ws = null;
      this.wsReady = false;
      this.inflight = {};
      if (ws) ws.close();
    }

    socketClosed(wasReady, code) {
      this.ws = null;
      this.wsReady = false;
      this.inflight = {};
      this.refreshPending();
      if (code === 4401) {
        this.restartSession();
        return;
      }
      if (wasReady) {
        this.failures = 0;
        this.ui.banner.hidden = false;
      } else if (navigator.onLine !== false) {
        // Failures while the browser knows it is offline say nothing about websockets.
        this.failures++;
      }
      if (code === 4403 || this.failures >= SOCKET_FAILURES_BEFORE_POLLING) {
        this.startPolling();
        return;
      }
      if (this.polling) return; // a probe failed: polling carries on, the next probe is timed
      this.reconnectTimer = this.later(this.connect, this.backoff());
    }

    backoff() {
      // Exponential, capped, with jitter so that a restarted server is not hit by every
      // visitor in the same second.
      var delay = Math.min(MAX_BACKOFF, 1000 * Math.pow(2, this.attempt++));
      return delay / 2 + Math.random() * (delay / 2);
    }

    later(fn, delay) {
      var self = this;
      return setTimeout(function () {
        fn.call(self);
      }, delay);
    }

    wake() {
      // The browser is back online: do not sit out the rest of a back-off.
      this.attempt = 0;
      if (this.polling) this.poll();
      else if (!this.ws && this.token) this.connect();
    }

    onReady(frame) {
      this.wsReady = true;
      this.attempt = 0;
      this.restarts = 0;
      this.failures = 0;
      this.ui.banner.hidden = true;
      if (frame.conversation_id) this.setConversation(frame.conversation_id);
      this.stopPolling();
      this.ws.send(JSON.stringify({ type: "sync", after: this.lastId }));
      this.flush();
    }

    onFrame(frame) {
      var self = this;
      if (frame.type === "message") this.render(frame.message);
      else if (frame.type === "messages") (frame.messages || []).forEach(this.render, this);
      else if (frame.type === "ack") {
        if (this.ui.alert.textContent === this.limitNotice) this.say("");
        this.render(frame.message);
      }
      else if (frame.type === "typing") this.showTyping(frame);
      else if (frame.type === "error") {
        var entry = this.outbox.find(function (item) {
          return frame.client_id && item.client_id === frame.client_id;
        });
        if (!entry) return;
        delete this.inflight[entry.client_id];
        if (frame.code === "rate_limited") {
          // Kept in the outbox and sent again once the server says it may be.
          this.held(frame.message, Number(frame.retry_after) || 2);
          this.later(function () {
            self.flush();
          }, 1000 * (Number(frame.retry_after) || 2));
        } else this.reject(entry, frame.code, frame.message);
      }
    }

    startPolling() {
      if (this.polling) return;
      this.polling = true;
      this.refreshPending();
      this.probeTimer = this.later(this.probe, SOCKET_PROBE_INTERVAL);
      this.poll();
    }

    stopPolling() {
      this.polling = false;
      clearTimeout(this.pollTimer);
      clearTimeout(this.probeTimer);
    }

    probe() {
      if (!this.polling) return;
      // One more failed attempt puts the widget straight back on polling.
      this.failures = SOCKET_FAILURES_BEFORE_POLLING - 1;
      this.connect();
      this.probeTimer = this.later(this.probe, SOCKET_PROBE_INTERVAL);
    }

    async poll() {
      if (!this.polling) return;
      clearTimeout(this.pollTimer);
      try {
        await this.flush();
        var data = await this.http("GET", "/messages?after=" + this.lastId);
        this.ui.banner.hidden = true;
        (data.messages || []).forEach(this.render, this);
        if (data.typing) this.showTyping(data.typing);
        else this.hideTyping();
      } catch (error) {
        if (error.status === 401) {
          this.stopPolling();
          this.restartSession();
          return;
        }
      }
      if (this.polling) this.pollTimer = this.later(this.poll, POLL_INTERVAL);
    }

    // Outbox: every message stays here, in localStorage, until the server has acknowledged
    // it; resending is safe because the server stores one message per client id.

    async flush() {
      var self = this;
      if (Date.now() < this.holdUntil) return;
      var pending = this.outbox.filter(function (entry) {
        return !self.inflight[entry.client_id];
      });
      if (this.wsReady) {
        pending.forEach(function (entry) {
          self.inflight[entry.client_id] = true;
          self.ws.send(
            JSON.stringify({
              type: "message", client_id: entry.client_id, text: entry.text,
              attachments: entry.attachments,
            })
          );
        });
        return;
      }
      if (!this.polling || !this.token) return;
      for (var i = 0; i < pending.length; i++) {
        var entry = pending[i];
        this.inflight[entry.client_id] = true;
        try {
          var data = await this.http("POST", "/messages", {
            client_id: entry.client_id, text: entry.text, attachments: entry.attachments,
          });
          this.render(data.message);
          if (this.ui.alert.textContent === this.limitNotice) this.say("");
        } catch (error) {
          if (error.status === 429) {
            this.held(error.message, error.retryAfter || 2);
            break;
          }
          if (error.status >= 400 && error.status < 500 && error.status !== 401) {
            this.reject(entry, error.code, error.message);
          } else break; // offline or the server is down: try again on the next tick
        } finally {
          delete this.inflight[entry.client_id];
        }
      }
    }

    submit() {
      var ui = this.ui;
      var text = ui.text.value.trim();
      if (this.uploads.some(function (upload) { return !upload.token; })) return;
      if (!text && !this.uploads.length) return;
      if (codePoints(text) > this.limits.max_message_length) {
        this.say(this.t("too_long", { limit: this.limits.max_message_length }));
        return;
      }
      var entry = {
        client_id: uuid(),
        text: text,
        attachments: this.uploads.map(function (upload) { return upload.token; }),
        files: this.uploads.map(function (upload) {
          return {
            filename: upload.filename, content_type: upload.content_type, size: upload.size,
          };
        }),
        created_at: new Date().toISOString(),
      };
      this.outbox.push(entry);
      storage.set("outbox", this.outbox);
      this.uploads = [];
      this.renderChips();
      ui.text.value = "";
      this.grow();
      this.say("");
      this.sendTyping(false);
      this.renderPending(entry);
      this.scrollDown();
      if (this.wsReady || this.polling) this.flush();
      else if (!this.ws) this.connect();
    }

    held(message, seconds) {
      // The server's own words (in the widget's language) say why and for how long.
      this.limitNotice = message || this.t("too_fast");
      this.holdUntil = Date.now() + seconds * 1000;
      this.say(this.limitNotice);
    }

    reject(entry, code, message) {
      this.dropFromOutbox(entry.client_id);
      var node = this.byClient.get(entry.client_id);
      if (node) {
        node.classList.remove("pending");
        node.classList.add("failed");
        node.querySelector(".meta").textContent = this.t("failed");
      }
      var known = { message_too_long: "too_long", message_empty: "error" };
      this.say(
        known[code]
          ? this.t(known[code], { limit: this.limits.max_message_length })
          : message || this.t("error")
      );
    }

    dropFromOutbox(clientId) {
      var before = this.outbox.length;
      this.outbox = this.outbox.filter(function (entry) {
        return entry.client_id !== clientId;
      });
      if (this.outbox.length !== before) storage.set("outbox", this.outbox);
    }

    // Typing ------------------------------------------------------------------------------

    typed() {
      var now = Date.now();
      if (now - this.typingSentAt > TYPING_THROTTLE) this.sendTyping(true);
      clearTimeout(this.typingIdle);
      this.typingIdle = this.later(function () {
        this.sendTyping(false);
      }, TYPING_IDLE);
    }

    sendTyping(typing) {
      clearTimeout(this.typingIdle);
      if (!typing && !this.typingSentAt) return;
      this.typingSentAt = typing ? Date.now() : 0;
      // Nobody can watch a visitor type before their conversation exists.
      if (!this.conversationId) return;
      if (this.wsReady) this.ws.send(JSON.stringify({ type: "typing", typing: typing }));
      else if (this.polling) this.http("POST", "/typing", { typing: typing }).catch(function () {});
    }

    showTyping(frame) {
      var ui = this.ui;
      clearTimeout(this.typingShown);
      if (!frame.typing) return this.hideTyping();
      ui.typing.textContent = this.t("typing", { name: frame.name || this.t("team") });
      ui.typing.hidden = false;
      this.typingShown = this.later(this.hideTyping, TYPING_SHOWN_FOR);
    }

    hideTyping() {
      this.ui.typing.hidden = true;
    }

    // Rendering ---------------------------------------------------------------------------

    setConversation(id) {
      this.conversationId = id;
      this.ui.footer.hidden = false;
    }

    render(message) {
      if (!message || message.direction === "internal") return;
      if (message.conversation_id) this.setConversation(message.conversation_id);
      if (message.client_id) this.dropFromOutbox(message.client_id);
      if (this.byId.has(message.id)) return;
      var pending = message.client_id && this.byClient.get(message.client_id);
      var node = this.messageNode(message);
      this.byId.set(message.id, node);
      if (message.client_id) this.byClient.set(message.client_id, node);
      if (pending && pending.parentNode) pending.replaceWith(node);
      else this.insert(node, message.id);
      this.lastId = Math.max(this.lastId, message.id);
      if (message.direction === "outbound") {
        this.hideTyping();
        if (message.author_type === "agent" && !this.availability.live) {
          // Someone is evidently here after all: stop saying nobody is.
          this.availability = { live: true, reason: "online", expected_reply: "" };
          this.showAvailability();
        }
        if (message.id > this.readId) {
          if (this.ui.panel.hidden || document.visibilityState === "hidden") {
            this.unread++;
            this.showBadge();
          } else this.markRead();
        }
      }
      if (this.stick || message.direction === "inbound") this.scrollDown();
    }

    insert(node, id) {
      // Stored messages in id order, before any not yet acknowledged.
      var log = this.ui.log;
      var children = log.children;
      for (var i = 0; i < children.length; i++) {
        var other = children[i];
        var waiting = other.dataset.client && !other.dataset.id;
        if (waiting || Number(other.dataset.id) > id) {
          log.insertBefore(node, other);
          return;
        }
      }
      log.append(node);
    }

    messageNode(message) {
      var mine = message.direction === "inbound";
      var kind = mine ? " mine" : message.author_type === "system" ? " system" : "";
      var node = el("div", "msg" + kind);
      node.dataset.id = message.id;
      if (mine) node.append(el("span", "vh", this.t("you") + ":"));
      else if (message.author_type !== "system") {
        node.append(el("span", "who", message.author_name || this.t("team")));
      }
      var bubble = el("div", "bubble");
      var text = el("p", "text");
      text.dir = "auto"; // a message runs in its own script's direction
      linkify(text, message.text || "");
      bubble.append(text);
      this.renderFiles(bubble, message.attachments || [], true);
      node.append(bubble);
      var time = el("time", "meta");
      var at = new Date(message.created_at);
      if (!isNaN(at)) {
        time.dateTime = at.toISOString();
        time.textContent = at.toLocaleTimeString(this.language, {
          hour: "2-digit", minute: "2-digit",
        });
      }
      node.append(time);
      return node;
    }

    renderPending(entry) {
      var node = el("div", "msg mine pending");
      node.dataset.client = entry.client_id;
      node.append(el("span", "vh", this.t("you") + ":"));
      var bubble = el("div", "bubble");
      var text = el("p", "text");
      text.dir = "auto";
      linkify(text, entry.text);
      bubble.append(text);
      this.renderFiles(bubble, entry.files || [], false);
      node.append(bubble, el("span", "meta"));
      this.byClient.set(entry.client_id, node);
      this.ui.log.append(node);
      this.refreshPending();
    }

    refreshPending() {
      var label = this.t(this.wsReady || this.polling ? "sending" : "queued");
      this.byClient.forEach(function (node) {
        if (node.classList.contains("pending")) node.querySelector(".meta").textContent = label;
      });
    }

    renderFiles(bubble, files, stored) {
      if (!files.length) return;
      var box = el("div", "files");
      var self = this;
      files.forEach(function (file) {
        if (!stored) {
          box.append(el("span", "", file.filename));
        } else if (/^image\//.test(file.content_type)) {
          var img = el("img");
          img.alt = file.filename;
          box.append(img);
          // The file needs the visitor's token, which an <img src> cannot send.
          img.onload = function () {
            if (self.stick) self.scrollDown();
          };
          self.fetchFile(file.token).then(function (url) {
            img.src = url;
          }, function () {});
        } else {
          var link = el("a", "file", file.filename + " (" + self.size(file.size) + ")");
          link.href = "#";
          link.addEventListener("click", function (event) {
            event.preventDefault();
            self.fetchFile(file.token).then(function (url) {
              var save = el("a");
              save.href = url;
              save.download = file.filename;
              save.click();
            }, function () {
              self.say(self.t("error"));
            });
          });
          box.append(link);
        }
      });
      bubble.append(box);
    }

    async fetchFile(token) {
      var response = await fetch(API + "/attachments/" + encodeURIComponent(token), {
        headers: { Authorization: "Visitor " + this.token },
        credentials: "omit",
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
      return URL.createObjectURL(await response.blob());
    }

    size(bytes) {
      if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
      return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    }

    scrollDown() {
      var log = this.ui.log;
      log.scrollTop = log.scrollHeight;
    }

    grow() {
      var text = this.ui.text;
      text.style.height = "auto";
      text.style.height = Math.min(text.scrollHeight + 2, 140) + "px";
    }

    say(text) {
      this.ui.alert.textContent = text;
      this.ui.alert.hidden = !text;
    }

    // Open, close, unread -----------------------------------------------------------------

    setOpen(open, restoring) {
      var ui = this.ui;
      // The window keeps the launcher's corner (the page's inline end), even when its own
      // text runs the other way.
      ui.root.classList.toggle("flip", getComputedStyle(this).direction === "rtl");
      ui.panel.hidden = !open;
      ui.root.classList.toggle("open", open);
      ui.launcher.setAttribute("aria-expanded", String(open));
      try {
        sessionStorage.setItem(PREFIX + "open", open ? "1" : "0");
      } catch (error) {
        /* storage blocked */
      }
      if (open) {
        this.markRead();
        this.scrollDown();
        if (!restoring) ui.text.focus();
        if (this.token && !this.ws && !this.polling) this.connect();
      } else if (!restoring) {
        ui.launcher.focus();
      }
    }

    markRead() {
      if (this.ui.panel.hidden || document.visibilityState === "hidden") return;
      this.unread = 0;
      this.showBadge();
      if (this.lastId > this.readId) {
        this.readId = this.lastId;
        storage.set("read", this.readId);
      }
    }

    showBadge() {
      var badge = this.ui.badge;
      badge.hidden = !this.unread;
      badge.textContent = this.unread > 9 ? "9+" : String(this.unread);
      this.applyTexts();
    }

    // Attachments -------------------------------------------------------------------------

    pick(files) {
      var self = this;
      var limits = this.limits;
      var most = limits.max_attachments_per_message;
      if (this.uploads.length + files.length > most) {
        this.say(this.t("too_many", { limit: most }));
        return;
      }
      this.say("");
      files.forEach(function (file) {
        if (limits.attachment_types.indexOf(file.type) < 0) {
          self.say(self.t("bad_type"));
          return;
        }
        if (file.size > limits.max_attachment_bytes) {
          self.say(self.t("too_large", { size: Math.round(limits.max_attachment_bytes / MB) }));
          return;
        }
        var upload = { filename: file.name, content_type: file.type, size: file.size, token: null };
        self.uploads.push(upload);
        self.renderChips();
        var form = new FormData();
        form.append("file", file, file.name);
        self.http("POST", "/attachments", form).then(
          function (data) {
            upload.token = data.token;
            upload.filename = data.filename;
            upload.content_type = data.content_type;
            upload.size = data.size;
            self.renderChips();
          },
          function (error) {
            self.uploads = self.uploads.filter(function (other) {
              return other !== upload;
            });
            self.renderChips();
            var known = { 413: "too_large", 422: "bad_type" };
            self.say(
              error.status === 429
                ? error.message || self.t("too_fast")
                : self.t(known[error.status] || "error", {
                    size: Math.round(limits.max_attachment_bytes / MB),
                  })
            );
          }
        );
      });
    }

    renderChips() {
      var self = this;
      var chips = this.ui.chips;
      chips.textContent = "";
      this.uploads.forEach(function (upload) {
        var chip = el("div", "chip");
        var state = upload.token ? "" : " · " + self.t("uploading");
        chip.append(el("span", "", upload.filename + state));
        var remove = el("button", "icon");
        remove.type = "button";
        remove.setAttribute("aria-label", self.t("remove", { name: upload.filename }));
        remove.innerHTML = ICON_CLOSE;
        remove.addEventListener("click", function () {
          self.uploads = self.uploads.filter(function (other) {
            return other !== upload;
          });
          self.renderChips();
          self.ui.text.focus();
        });
        chip.append(remove);
        chips.append(chip);
      });
    }

    // Email and transcript ----------------------------------------------------------------

    fieldError(input, text) {
      var message = this.shadowRoot.getElementById(input.getAttribute("aria-describedby"));
      message.textContent = text;
      message.hidden = !text;
      if (text) {
        input.setAttribute("aria-invalid", "true");
        input.focus();
      } else input.removeAttribute("aria-invalid");
    }

    async leaveEmail() {
      var ui = this.ui;
      var input = ui.emailForm.querySelector("input");
      var email = input.value.trim();
      if (!EMAIL.test(email)) {
        this.fieldError(input, this.t("email_invalid"));
        return;
      }
      try {
        await this.http("POST", "/email", { email: email });
      } catch (error) {
        this.fieldError(input, error.status === 422 ? this.t("email_invalid") : this.t("error"));
        return;
      }
      this.fieldError(input, "");
      storage.set("email", email);
      ui.emailForm.hidden = true;
      ui.thanks.textContent = this.t("email_saved", { email: email });
      ui.thanks.hidden = false;
    }

    async sendTranscript() {
      var ui = this.ui;
      var input = ui.transcriptForm.querySelector("input");
      var email = input.value.trim();
      if (email && !EMAIL.test(email)) {
        this.fieldError(input, this.t("email_invalid"));
        return;
      }
      try {
        await this.http("POST", "/transcript", { email: email || null });
      } catch (error) {
        var text = error.code === "email_required" ? this.t("email_invalid") : this.t("error");
        this.fieldError(input, error.code === "rate_limited" ? error.message || text : text);
        return;
      }
      this.fieldError(input, "");
      ui.transcriptForm.hidden = true;
      ui.done.textContent = this.t("transcript_sent");
      ui.done.hidden = false;
    }
  }

  customElements.define(TAG, StoredeskChat);

  function mount() {
    if (!document.querySelector(TAG)) document.body.append(document.createElement(TAG));
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
