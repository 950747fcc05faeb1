/* What Oscar's templates did with inline handlers and style attributes, which our
   Content-Security-Policy refuses: declared with data attributes, done here. */
(function () {
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-history-back], [data-window-close], [data-print]");
    if (!target) { return; }
    event.preventDefault();
    if (target.hasAttribute("data-print")) { window.print(); }
    else if (target.hasAttribute("data-window-close")) { window.close(); }
    else { window.history.back(); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches("[data-select-on-focus]")) { event.target.select(); }
  });
  // The dashboard's image widget: hide the upload button once a preview shows, and say
  // so when the chosen file is not an image. load/error do not bubble: capture them.
  function uploadButton(image) {
    // Its own widget's button (Oscar clones widgets for extra images, ids and all).
    var widget = image.closest(".image-input");
    return widget && widget.querySelector("button");
  }
  document.addEventListener("load", function (event) {
    if (event.target.matches && event.target.matches("img[data-upload-button]")) {
      var button = uploadButton(event.target);
      if (button) { button.style.display = "none"; }
    }
  }, true);
  document.addEventListener("error", function (event) {
    if (event.target.matches && event.target.matches("img[data-upload-button]")
        && event.target.getAttribute("src")) {
      var button = uploadButton(event.target);
      if (button) { button.style.display = ""; }
      window.alert(event.target.getAttribute("data-unrecognized"));
    }
  }, true);
  // Bars of the dashboard's order chart: their height is data, set through the CSSOM.
  function drawBars() {
    document.querySelectorAll("[data-bar-height]").forEach(function (bar) {
      bar.style.height = bar.getAttribute("data-bar-height") + "%";
    });
  }
  // Filters and menus fold into a <details> on a phone; on a wide screen they are a column
  // and start open (without scripts one tap opens them).
  function openWide() {
    if (!window.matchMedia("(min-width: 60em)").matches) { return; }
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
  function ready() { drawBars(); openWide(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
