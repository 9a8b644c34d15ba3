/* The editor's preview of an article, laid out as its page (theme/templates/article.html):
   title, date, bold lead, body, credit line, organizations, "Thông tin khác".
   Written with what Decap CMS provides (window.h, window.createClass); text is never
   inserted as HTML (h() escapes it). Settings come from this script tag's data-settings. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var script = document.currentScript;
  var settings = JSON.parse(script.getAttribute("data-settings") || "{}");
  var formats = Object.assign(
    {
      same_person: "Tin, ảnh: {author}",
      author_and_photographer: "Tin: {author} – Ảnh: {photographer}",
      author_only: "{author}",
      photographer_only: "Ảnh: {photographer}",
    },
    settings.credit_formats || {}
  );
  var WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

  function clean(value) {
    return String(value || "").split(/\s+/).filter(Boolean).join(" ");
  }

  // trangxa.credits.credit_line
  function creditLine(author, photographer, credit) {
    if (clean(credit)) return clean(credit);
    author = clean(author);
    photographer = clean(photographer);
    var key;
    if (author && photographer) {
      key = author.toLowerCase() === photographer.toLowerCase() ? "same_person" : "author_and_photographer";
    } else if (author) {
      key = "author_only";
    } else if (photographer) {
      key = "photographer_only";
    } else {
      return "";
    }
    return formats[key].split("{author}").join(author).split("{photographer}").join(photographer);
  }

  // "25/11/2026 08:30" (as the form stores it) -> "Thứ Tư, 25/11/2026 08:30" (jinja filter vi_datetime)
  function viDatetime(value) {
    var match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(clean(value));
    if (!match) return clean(value);
    var day = new Date(Number(match[3]), Number(match[2]) - 1, Number(match[1]));
    var pad = function (n) { return String(n).padStart(2, "0"); };
    var text = WEEKDAYS[day.getDay()] + ", " + pad(match[1]) + "/" + pad(match[2]) + "/" + match[3];
    if (match[4] && (Number(match[4]) || Number(match[5]))) text += " " + pad(match[4]) + ":" + match[5];
    return text;
  }

  function optionLabels(collection, name) {
    var labels = {};
    collection.get("fields").forEach(function (field) {
      if (field.get("name") !== name) return;
      (field.get("options") || []).forEach(function (option) {
        if (option && option.get) labels[option.get("value")] = option.get("label");
      });
    });
    return labels;
  }

  function asList(value) {
    if (!value) return [];
    return value.toJS ? value.toJS() : [].concat(value);
  }

  var ArticlePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var summary = clean(data.get("summary"));
      var credit = creditLine(data.get("author"), data.get("photographer"), data.get("credit"));
      var labels = optionLabels(this.props.collection, "organizations");
      var organizations = asList(data.get("organizations")).map(function (slug) { return labels[slug] || slug; });
      return h("main", { className: "main" },
        h("article", { className: "article" },
          h("header", { className: "article-header" },
            h("h1", { className: "article-title" }, data.get("title") || ""),
            h("p", { className: "article-meta" }, h("time", {}, viDatetime(data.get("date"))))
          ),
          summary ? h("p", { className: "lead" }, summary) : null,
          h("div", { className: "article-body" }, this.props.widgetFor("body")),
          credit ? h("p", { className: "credit" }, credit) : null,
          organizations.length
            ? h("p", { className: "article-organizations" }, "Tổ chức: " + organizations.join(", "))
            : null
        ),
        h("section", { className: "other-news" },
          h("h2", { className: "section-title" }, "Thông tin khác"),
          h("p", {}, "Các tin liên quan hiện ở đây khi bài được đăng.")
        )
      );
    },
  });

  var PagePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data");
      return h("main", { className: "main" },
        h("article", { className: "page" },
          h("h1", { className: "article-title" }, data.get("title") || ""),
          h("div", { className: "article-body" }, this.props.widgetFor("body"))
        )
      );
    },
  });

  CMS.registerPreviewStyle(new URL(script.getAttribute("data-stylesheet"), document.baseURI).href);
  CMS.registerPreviewTemplate("bai-viet", ArticlePreview);
  CMS.registerPreviewTemplate("trang", PagePreview);
})();
