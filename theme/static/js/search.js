// Search page: Pagefind runs in the browser over the index built with the site.
// Without JavaScript the form still submits (?q=...) and the page explains.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;

  // The index is split into bundles (one per year of articles, plus the pages), listed in
  // bundles.json; the first is loaded, the others are merged into it (Pagefind mergeIndex).
  var root = new URL(form.dataset.pagefindRoot, document.baseURI).href;
  var siteRoot = new URL(form.dataset.siteRoot, document.baseURI).pathname;
  var pagefind = null;
  var latest = 0;

  function merge(module, bundles) {
    var options = { baseUrl: siteRoot };
    return module.options(options).then(function () {
      return Promise.all(bundles.slice(1).map(function (bundle) { return module.mergeIndex(bundle, options); }));
    }).then(function () { return module; });
  }

  function load() {
    if (!pagefind) {
      pagefind = fetch(root + "bundles.json")
        .then(function (response) {
          if (!response.ok) throw new Error("bundles.json: " + response.status);
          return response.json();
        })
        .then(function (listing) {
          var bundles = listing.bundles.map(function (name) { return new URL(name, root).href; });
          return import(bundles[0] + "pagefind.js").then(function (module) { return merge(module, bundles); });
        });
      pagefind.catch(function () { pagefind = null; }); // try again at the next search
    }
    return pagefind;
  }

  function render(items, query) {
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title || item.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the text and adds <mark>
      li.append(link, excerpt);
      list.append(li);
    });
    status.textContent = items.length
      ? "Tìm thấy " + items.length + " kết quả cho “" + query + "”."
      : "Không tìm thấy kết quả nào cho “" + query + "”.";
  }

  function search(query) {
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = "Đang tìm…";
    load()
      .then(function (module) { return module.search(query); })
      .then(function (found) {
        return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }));
      })
      .then(function (items) { if (ticket === latest) render(items, query); })
      .catch(function () {
        if (ticket === latest) status.textContent = "Chưa tìm được: chỉ mục tìm kiếm chưa sẵn sàng.";
      });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    search(query);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial.trim());
  }
})();
