/* Narrow each municipality select to the province chosen beside it. */
(function () {
  function sync(province, municipality) {
    var name = province.options[province.selectedIndex] ? province.options[province.selectedIndex].text : "";
    Array.prototype.forEach.call(municipality.querySelectorAll("optgroup"), function (group) {
      var show = !province.value || group.label === name;
      group.hidden = !show;
      group.disabled = !show;
    });
    var chosen = municipality.options[municipality.selectedIndex];
    if (chosen && chosen.parentNode.disabled) { municipality.value = ""; }
  }
  document.querySelectorAll("form").forEach(function (form) {
    var province = form.querySelector("[data-territory=province]");
    var municipality = form.querySelector("[data-territory=municipality]");
    if (!province || !municipality) { return; }
    province.addEventListener("change", function () { sync(province, municipality); });
    sync(province, municipality);
  });
})();
