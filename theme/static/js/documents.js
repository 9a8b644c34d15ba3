// Văn bản: filter the documents instantly, on any combination of form, year, issuer and
// field, over the small index built with the site (van-ban/index.json). Without JavaScript
// the page works as it is: its filters are links to pre-built pages. The filtered view has
// its own address (van-ban/?loai=quyet-dinh&nam=2025), which can be shared.
(function () {
  "use strict";
  var form = document.getElementById("document-filter");
  var list = document.getElementById("document-list");
  var status = document.getElementById("document-filter-status");
  if (!form || !list || !status || !window.fetch || !window.URLSearchParams) return;

  var FACETS = ["loai", "nam", "co-quan", "linh-vuc"];
  var STEP = 50; // rows shown at once; "Xem thêm" shows the next ones
  var site = new URL(form.dataset.site, document.baseURI);
  var root = new URL(form.dataset.root, document.baseURI);
  var onRoot = root.pathname === location.pathname;
  var index = null;
  var shown = STEP;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function state() {
    var chosen = {};
    FACETS.forEach(function (name) { chosen[name] = form.elements[name].value; });
    chosen.q = form.elements.q.value.trim();
    return chosen;
  }

  function query(chosen) {
    var params = new URLSearchParams();
    FACETS.concat(["q"]).forEach(function (name) { if (chosen[name]) params.set(name, chosen[name]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function matches(row, wanted, columns, words) {
    for (var name in wanted) {
      if (row[columns[name]] !== wanted[name]) return false;
    }
    if (!words.length) return true;
    var haystack = fold(row[columns.number] + " " + row[columns.title]);
    return words.every(function (word) { return haystack.indexOf(word) !== -1; });
  }

  function positions(chosen) {
    // The index rows hold each facet's value as its position in index.facets[name].
    var wanted = {};
    FACETS.forEach(function (name) {
      if (!chosen[name]) return;
      wanted[name] = index.facets[name].findIndex(function (pair) { return pair[0] === chosen[name]; });
    });
    return wanted;
  }

  function camel(name) {
    return name.replace(/-([a-z])/g, function (_, letter) { return letter.toUpperCase(); });
  }

  function item(row, columns) {
    var li = document.createElement("li");
    li.className = "document-row";
    var heading = document.createElement("h3");
    heading.className = "document-row-title";
    var link = document.createElement("a");
    link.href = new URL(row[columns.url], site).href;
    var number = document.createElement("span");
    number.className = "document-number";
    number.textContent = row[columns.number];
    link.append(number, " " + row[columns.title]);
    heading.append(link);
    var meta = document.createElement("p");
    meta.className = "document-row-meta";
    meta.textContent = row[columns.issued] + " · " + row[columns.issuer] + " · " + row[columns.validity];
    li.append(heading, meta);
    if (row[columns.file]) {
      var files = document.createElement("p");
      files.className = "document-row-files";
      var download = document.createElement("a");
      download.href = new URL(row[columns.file], site).href;
      download.setAttribute("download", "");
      download.textContent = "Tải về (" + row[columns.file_label] + ")";
      files.append(download);
      li.append(files);
    }
    return li;
  }

  function render() {
    var chosen = state();
    var columns = {};
    index.columns.forEach(function (name, position) { columns[name] = position; });
    var words = chosen.q ? fold(chosen.q).split(/\s+/) : [];
    var wanted = positions(chosen);
    var found = index.documents.filter(function (row) { return matches(row, wanted, columns, words); });
    list.textContent = "";
    found.slice(0, shown).forEach(function (row) { list.append(item(row, columns)); });
    document.querySelectorAll(".documents .pagination").forEach(function (nav) { nav.hidden = true; });
    var more = document.getElementById("document-more");
    if (found.length > shown) {
      if (!more) {
        more = document.createElement("button");
        more.type = "button";
        more.id = "document-more";
        more.className = "document-more";
        more.addEventListener("click", function () { shown += STEP; render(); });
        list.after(more);
      }
      more.textContent = "Xem thêm " + Math.min(STEP, found.length - shown) + " văn bản";
    } else if (more) {
      more.remove();
    }
    status.textContent = found.length
      ? "Có " + found.length.toLocaleString("vi-VN") + " văn bản" + (found.length > shown ? ", hiện " + shown + " văn bản mới nhất." : ".")
      : "Không có văn bản nào khớp bộ lọc.";
    var title = document.getElementById("document-list-title");
    if (title) title.textContent = "Kết quả lọc";
    history.replaceState(null, "", location.pathname + query(chosen));
  }

  function changed() {
    shown = STEP;
    if (!onRoot) {
      location.assign(root.pathname + query(state())); // the filter page lists every document
      return;
    }
    render();
  }

  function fill(data) {
    index = data;
    FACETS.forEach(function (name) {
      var select = form.elements[name];
      data.facets[name].forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        select.append(option);
      });
    });
    var params = new URLSearchParams(location.search);
    var fromAddress = FACETS.concat(["q"]).some(function (name) { return params.has(name); });
    FACETS.forEach(function (name) {
      form.elements[name].value = (fromAddress ? params.get(name) : form.dataset[camel(name)]) || "";
    });
    form.elements.q.value = fromAddress ? params.get("q") || "" : "";
    form.hidden = false;
    document.querySelectorAll(".document-facets").forEach(function (nav) { nav.hidden = true; });
    if (fromAddress) render();
    form.addEventListener("change", changed);
    var timer = null;
    form.elements.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(changed, 200);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  }

  fetch(form.dataset.index)
    .then(function (response) {
      if (!response.ok) throw new Error("index.json: " + response.status);
      return response.json();
    })
    .then(fill)
    .catch(function () { /* the links to the pre-built pages stay */ });
})();
