/* Behaviour that Oscar's templates wrote as inline handlers (onclick="history.go(-1)"),
   which the Content-Security-Policy forbids: declared with data attributes instead. */
(function () {
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-history-back], [data-print], [data-href]");
    if (!target) { return; }
    if (target.hasAttribute("data-history-back") && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    } else if (target.hasAttribute("data-print")) {
      event.preventDefault();
      window.print();
    } else if (target.hasAttribute("data-href")) {
      window.location.assign(target.getAttribute("data-href"));
    }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute("data-select-on-focus")) {
      event.target.select();
    }
  });
})();
