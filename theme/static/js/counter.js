// Visitor counter box: records one page view, then shows the figures with Vietnamese
// grouping (2.713.911). Plain JavaScript, no cookie: a random id in localStorage tells
// visitors apart for "Đang trực tuyến". If the counter is down, slow (3 s) or not
// configured, the box quietly keeps its dash.
(function () {
  "use strict";
  var box = document.querySelector(".visitor-counter[data-counter-url]");
  if (!box || !window.fetch || !window.AbortController) return;
  var backend = box.getAttribute("data-counter-backend");
  var url = box.getAttribute("data-counter-url").replace(/\/+$/, "");
  var base = parseInt(box.getAttribute("data-counter-base"), 10) || 0;
  var total = box.querySelector('[data-counter="total"]');
  var online = box.querySelector('[data-counter="online"]');

  function grouped(number) {
    return String(Math.max(0, Math.floor(number))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function fetchJSON(resource, options) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, 3000);
    options = options || {};
    options.signal = controller.signal;
    return fetch(resource, options).then(function (response) {
      clearTimeout(timer);
      // A 429 (too many views from one address, e.g. a busy mobile network) still
      // carries the figures: show them, the view itself was just not counted.
      if (!response.ok && response.status !== 429) throw new Error("counter: HTTP " + response.status);
      return response.json();
    });
  }

  function visitorId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    var fresh = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    try {
      var kept = localStorage.getItem("visitor-id");
      if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return kept;
      localStorage.setItem("visitor-id", fresh);
    } catch (blocked) {
      // Storage off (private mode): count the view with an id for this page only.
    }
    return fresh;
  }

  function show(figures) {
    if (typeof figures.total === "number" && isFinite(figures.total)) total.textContent = grouped(figures.total);
    if (online && typeof figures.online === "number") online.textContent = grouped(figures.online);
    box.setAttribute("data-state", "ready");
  }

  function unavailable() {
    box.setAttribute("data-state", "unavailable");
  }

  if (backend === "builtin") {
    fetchJSON(url + "/hit", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: location.pathname, visitor: visitorId() }),
    }).then(show, unavailable);
  } else if (backend === "goatcounter") {
    // GoatCounter's documented /count endpoint (what its count.js calls), and its
    // public visitor counter for the site total; it has no "online now" figure.
    var hit = url + "/count?p=" + encodeURIComponent(location.pathname) +
      "&t=" + encodeURIComponent(document.title) + "&r=" + encodeURIComponent(document.referrer) +
      "&rnd=" + Math.random().toString(36).slice(2);
    if (navigator.sendBeacon) navigator.sendBeacon(hit);
    fetchJSON(url + "/counter/TOTAL.json").then(function (data) {
      show({ total: base + (parseInt(String(data.count).replace(/\D/g, ""), 10) || 0) });
    }, unavailable);
  }
})();
