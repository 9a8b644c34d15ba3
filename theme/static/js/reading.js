// Reading aids (Circular 26/2020/TT-BTTTT): text size A− A A+ (remembered in localStorage,
// text-size.js applies it early), "In bài viết" and "Nghe đọc bài" (the browser's speech, only
// with a voice in the page's language: Vietnamese, or English on an English page). The controls
// are rendered hidden: without JavaScript nothing shows. Their words come from the page.
(function () {
  "use strict";
  var SIZES = ["87.5", "100", "125", "150", "175", "200"]; // per cent; style.css has each one
  var KEY = "co-chu";
  var root = document.documentElement;

  var sizes = document.querySelector("[data-text-size-controls]");
  if (sizes) {
    var current = SIZES.indexOf(root.getAttribute("data-text-size") || "100");
    if (current < 0) current = SIZES.indexOf("100"); // an unknown stored value: the default
    var label = document.getElementById("text-size-label").textContent;
    var showSize = function (announce) {
      var size = SIZES[current];
      if (size === "100") root.removeAttribute("data-text-size");
      else root.setAttribute("data-text-size", size);
      sizes.querySelector('[data-text-size-step="-1"]').setAttribute("aria-disabled", String(current === 0));
      sizes.querySelector('[data-text-size-step="1"]').setAttribute("aria-disabled", String(current === SIZES.length - 1));
      if (announce) sizes.querySelector("[data-text-size-status]").textContent = label + " " + size.replace(".", ",") + " %";
    };
    sizes.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size-step]");
      if (!button) return;
      var step = Number(button.getAttribute("data-text-size-step"));
      current = step === 0 ? SIZES.indexOf("100") : Math.min(SIZES.length - 1, Math.max(0, current + step));
      try { localStorage.setItem(KEY, SIZES[current]); } catch (e) { /* kept for this page only */ }
      showSize(true);
    });
    showSize(false);
    sizes.hidden = false;
  }

  var tools = document.querySelector("[data-article-tools]");
  if (!tools) return;
  var address = document.querySelector("[data-print-address]");
  if (address) address.textContent = address.href; // absolute, also on a development build
  tools.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  tools.hidden = false;

  var listen = tools.querySelector("[data-listen]");
  var speech = window.speechSynthesis;
  if (!speech || !window.SpeechSynthesisUtterance) return;
  var voice = null;
  var lang = (root.lang || "vi").split("-")[0].toLowerCase();
  var listenLabel = listen.textContent;
  var pending = 0;
  var batch = 0; // what a cancelled reading still reports is not counted against the next one
  var idle = function () { pending = 0; batch += 1; listen.textContent = listenLabel; };
  var findVoice = function () {
    voice = speech.getVoices().filter(function (v) {
      return String(v.lang).toLowerCase().replace("_", "-").split("-")[0] === lang;
    })[0] || null;
    listen.hidden = !voice;
  };
  listen.addEventListener("click", function () {
    var reading = pending > 0;
    idle(); // before cancel(): what the cancelled reading reports no longer counts
    speech.cancel();
    if (reading) return;
    var article = tools.closest("article");
    var texts = [];
    [article.querySelector("h1"), article.querySelector(".lead"), article.querySelector(".article-body")]
      .forEach(function (part) {
        // One utterance per paragraph: some browsers stop a long one after a few seconds.
        if (part) texts = texts.concat(part.innerText.split(/\n+/).map(function (t) { return t.trim(); }).filter(Boolean));
      });
    var mine = batch;
    if (!texts.length) return;
    pending = texts.length;
    listen.textContent = listen.getAttribute("data-stop-label");
    texts.forEach(function (text) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.onend = utterance.onerror = function () { if (mine === batch && --pending === 0) idle(); };
      speech.speak(utterance);
    });
  });
  window.addEventListener("pagehide", function () { if (pending) speech.cancel(); });
  findVoice();
  if (speech.addEventListener) speech.addEventListener("voiceschanged", findVoice); // Chrome loads them late
})();
