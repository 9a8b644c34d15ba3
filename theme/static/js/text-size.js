// The text size a reader chose with "Cỡ chữ" (reading.js), applied to <html> before the page
// is drawn (this script is not deferred), so the text does not jump. style.css has the sizes.
(function () {
  "use strict";
  document.documentElement.classList.add("js"); // style.css shows the reading aids at once
  try {
    var size = localStorage.getItem("co-chu");
    if (size && size !== "100") document.documentElement.setAttribute("data-text-size", size);
  } catch (e) { /* storage blocked: the default size */ }
})();
