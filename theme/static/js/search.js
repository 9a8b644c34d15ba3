// Search page: Pagefind runs in the browser over the index built with the site, then the results
// are put in order by the words as the reader typed them (docs/developers.md, "Search").
// Without JavaScript the form still submits (?q=...) and the page explains.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) return;

  var SHOWN = 20; // results listed
  var CANDIDATES = 50; // Pagefind's first results, whose text is read to put them in order
  var D_WORDS = 3; // words typed "d" also searched as "đ": at most 2^3 searches for one query
  // Pagefind's ranking, measured on tests/test_search_relevance.py (docs/developers.md, "Search"):
  // termSimilarity 5 (default 1) puts a word typed whole ("dinh": "Đình") before the longer words
  // it begins ("định", "đình"…); the title (out of the text) keeps Pagefind's boost, 5; the
  // organizations and tags of the article count 3; the date is for display only.
  var RANKING = { termSimilarity: 5, metaWeights: { title: 5, organizations: 3, tags: 3, date: 0 } };

  // The index is split into bundles (one per year of articles, plus the pages), listed in
  // bundles.json; the first is loaded, the others are merged into it (Pagefind mergeIndex).
  var root = new URL(form.dataset.pagefindRoot, document.baseURI).href;
  var siteRoot = new URL(form.dataset.siteRoot, document.baseURI).pathname;
  var pagefind = null;
  var latest = 0;

  function merge(module, bundles) {
    var options = { baseUrl: siteRoot, ranking: RANKING };
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

  // --- Vietnamese words ------------------------------------------------------------------------
  // A word typed with its marks means that word ("nạo", not "nào"); a word typed without them may
  // be any word that folds to it ("dan": "dân", "dặn", "dẫn"). The tone mark may sit on either
  // vowel ("hòa"/"hoà", "ủy"/"uỷ"): a word is compared as its letters plus its tone.
  var TONE = /[\u0300\u0301\u0303\u0309\u0323]/g; // huyền, sắc, ngã, hỏi, nặng

  function wordsOf(text) {
    return String(text || "").normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }

  function fold(word) {
    return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
  }

  function spelling(word) {
    var decomposed = word.normalize("NFD");
    return {
      letters: decomposed.replace(TONE, "").normalize("NFC"),
      tone: (decomposed.match(TONE) || []).join(""),
      folded: fold(word),
    };
  }

  function termsOf(query) {
    return wordsOf(query).map(function (word, index, all) {
      var term = spelling(word);
      term.word = word;
      term.exact = term.folded !== word; // typed with marks (or đ)
      term.last = index === all.length - 1; // may still be being typed
      return term;
    });
  }

  // 2: this word; 1: a word the last term begins (typing goes on); 0: another word.
  function match(term, word) {
    if (term.exact) {
      if (word.tone !== term.tone) return 0; // no mark is a tone too: "dân" is not "dẫn"
      if (word.letters === term.letters) return 2;
      return term.last && word.letters.startsWith(term.letters) ? 1 : 0;
    }
    if (word.folded === term.folded) return 2;
    return term.last && word.folded.startsWith(term.folded) ? 1 : 0;
  }

  // How a result holds the query: the best run of consecutive words (2: the phrase, 1: the phrase
  // with its last word begun), the share of terms found whole, and how every word typed with marks
  // is there (2: each as typed, 1: the last one begun, 0: one is missing). Title, text and
  // searchable metadata are read one by one.
  function judge(terms, item, spelled) {
    var fields = [item.content];
    Object.keys(item.meta || {}).forEach(function (key) {
      if (key !== "image" && key !== "date") fields.push(item.meta[key]);
    });
    var found = terms.map(function () { return 0; });
    var phrase = 0;
    fields.forEach(function (field) {
      var grid = wordsOf(field).map(function (word) {
        if (!spelled.has(word)) spelled.set(word, spelling(word));
        return terms.map(function (term) { return match(term, spelled.get(word)); });
      });
      grid.forEach(function (row, start) {
        row.forEach(function (degree, index) { found[index] = Math.max(found[index], degree); });
        var run = 2;
        for (var index = 0; index < terms.length && run; index++) {
          run = start + index < grid.length ? Math.min(run, grid[start + index][index]) : 0;
        }
        phrase = Math.max(phrase, run);
      });
    });
    return {
      phrase: phrase,
      whole: found.filter(function (degree) { return degree === 2; }).length / terms.length,
      exact: terms.reduce(function (least, term, index) {
        return term.exact ? Math.min(least, found[index]) : least;
      }, 2),
    };
  }

  // Pagefind folds marks but not the letter đ: a word typed "d" without marks ("dang") is also
  // searched with "đ" ("đang": Đảng), each combination of the first D_WORDS such words, and the
  // results are merged (best score kept). Pagefind gets the words as typed ("6,2", "27/7").
  // A final "oa", "oe", "uy" carries its tone mark on either vowel ("hòa"/"hoà", "thủy"/"thuỷ"):
  // Pagefind finds both but scores the placement typed higher, so that only the first results
  // (CANDIDATES) of a common word would differ; both are searched too, and the best score kept.
  function spellings(text) {
    var forms = [text.split(/\s+/)];
    var varied = 0;
    forms[0].forEach(function (typed, index) {
      var word = typed.toLowerCase();
      var other = word.charAt(0) === "d" && fold(word) === word ? "đ" + word.slice(1) : otherPlacement(word);
      if (!other || varied === D_WORDS) return;
      varied++;
      forms = forms.concat(forms.map(function (form) {
        var changed = form.slice();
        changed[index] = other;
        return changed;
      }));
    });
    return forms.map(function (form) { return form.join(" "); });
  }

  function otherPlacement(word) {
    var decomposed = word.normalize("NFD");
    var tones = decomposed.match(TONE);
    if (!tones || tones.length !== 1) return null;
    var bare = decomposed.replace(TONE, "").normalize("NFC");
    var found = /^([^aeiouy]*)(oa|oe|uy)$/.exec(bare); // "quý": the u belongs to "qu", not moved
    if (!found || found[1].slice(-1) === "q") return null;
    var head = found[1] + found[2].charAt(0);
    var onFirst = (head + tones[0] + found[2].charAt(1)).normalize("NFC");
    var onSecond = (head + found[2].charAt(1) + tones[0]).normalize("NFC");
    return word.normalize("NFC") === onFirst ? onSecond : onFirst;
  }

  // A query in quotes keeps only the results holding its words one after the other. (Pagefind's
  // own phrase search, for a query in quotes, misses a page where a word has two spellings that
  // fold alike, "nhận" and "nhân": most Vietnamese pages.)
  function find(module, text, terms, phraseOnly) {
    if (!terms.length) return Promise.resolve({ items: [], loose: 0, apart: 0 });
    var options = originOptions();
    return Promise.all(spellings(text).map(function (form) { return module.search(form, options); })).then(function (all) {
      var best = {};
      all.forEach(function (found) {
        found.results.forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      var results = Object.keys(best).map(function (id) { return best[id]; });
      results.sort(function (a, b) { return b.score - a.score; });
      return Promise.all(results.slice(0, CANDIDATES).map(function (result) {
        return result.data().then(function (item) { return { item: item, score: result.score }; });
      }));
    }).then(function (candidates) {
      var spelled = new Map(); // word -> spelling, for this search
      candidates.forEach(function (candidate) { candidate.judged = judge(terms, candidate.item, spelled); });
      // Words typed with marks: a result without one of them as typed is dropped; so is one where
      // the last is only begun ("dân": "dâng"), unless no result has it whole (still being typed).
      var whole = candidates.some(function (candidate) { return candidate.judged.exact === 2; });
      var exact = candidates.filter(function (candidate) { return candidate.judged.exact >= (whole ? 2 : 1); });
      var kept = exact.filter(function (candidate) { return !phraseOnly || candidate.judged.phrase === 2; });
      kept.sort(function (a, b) {
        return b.judged.phrase - a.judged.phrase || b.judged.whole - a.judged.whole || b.score - a.score;
      });
      return {
        items: kept.map(function (c) { return c.item; }),
        loose: candidates.length - exact.length, // dropped: a word typed with marks is not there
        apart: exact.length - kept.length, // dropped: the quoted words are not one after the other
      };
    });
  }

  // --- Origin: articles imported from a former commune's portal -------------------------------
  // Imported articles carry data-pagefind-filter="origin" (trangxa.importer); when the site has
  // any, a "Nguồn" choice narrows the search to one former portal (?nguon=… in the address).
  var origin = null;

  function originOptions() {
    return origin && origin.value ? { filters: { origin: origin.value } } : {};
  }

  function addOriginChoice(module) {
    return module.filters().then(function (filters) {
      var names = Object.keys((filters && filters.origin) || {}).sort();
      if (!names.length || origin) return;
      var label = document.createElement("label");
      label.htmlFor = "search-origin";
      label.textContent = "Nguồn bài";
      origin = document.createElement("select");
      origin.id = "search-origin";
      origin.name = "nguon";
      [""].concat(names).forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name || "Tất cả các trang";
        origin.append(option);
      });
      origin.value = new URLSearchParams(location.search).get("nguon") || "";
      origin.addEventListener("change", function () { search(input.value.trim()); });
      form.append(label, origin);
    });
  }

  // --- Results -------------------------------------------------------------------------------
  function dateOf(meta) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(meta.date || "");
    if (!parts) return null;
    var time = document.createElement("time");
    time.dateTime = meta.date;
    time.textContent = parts[3] + "/" + parts[2] + "/" + parts[1];
    var line = document.createElement("p");
    line.className = "teaser-meta";
    line.append(time);
    return line;
  }

  // Pagefind marks every word it matched ("nào" for "nạo"): only the query's words stay marked.
  function unmarkOthers(excerpt, terms) {
    excerpt.querySelectorAll("mark").forEach(function (mark) {
      var ours = wordsOf(mark.textContent).some(function (word) {
        var spelled = spelling(word);
        return terms.some(function (term) { return match(term, spelled) > 0; });
      });
      if (!ours) mark.replaceWith(mark.textContent);
    });
  }

  function render(found, query, terms) {
    var items = found.items.slice(0, SHOWN);
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title || item.url;
      li.append(link);
      var date = dateOf(item.meta);
      if (date) li.append(date);
      var excerpt = document.createElement("p");
      excerpt.innerHTML = item.excerpt; // Pagefind escapes the text and adds <mark>
      unmarkOthers(excerpt, terms);
      li.append(excerpt);
      list.append(li);
    });
    if (items.length) {
      status.textContent = "Tìm thấy " + items.length + " kết quả cho “" + query + "”.";
    } else {
      var hint = "";
      if (found.apart) hint = " Bỏ dấu ngoặc kép để tìm cả các bài có những chữ này không liền nhau.";
      else if (found.loose) hint = " Gõ không dấu để tìm cả các chữ gần giống.";
      status.textContent = "Không tìm thấy kết quả nào cho “" + query + "”." + hint;
    }
  }

  function search(query) {
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    status.textContent = "Đang tìm…";
    var quoted = /^["“](.+)["”]$/.exec(query);
    var text = quoted ? quoted[1].trim() : query;
    var terms = termsOf(text);
    if (quoted) terms.forEach(function (term) { term.last = false; }); // a whole phrase
    load()
      .then(function (module) { return find(module, text, terms, Boolean(quoted)); })
      .then(function (found) { if (ticket === latest) render(found, query, terms); })
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
    var chosen = origin && origin.value ? "&nguon=" + encodeURIComponent(origin.value) : "";
    history.replaceState(null, "", "?q=" + encodeURIComponent(query) + chosen);
    search(query);
  });
  var initial = new URLSearchParams(location.search).get("q");
  load().then(addOriginChoice).catch(function () {}).then(function () {
    if (initial) search(initial.trim());
  });
  if (initial) input.value = initial;
})();
