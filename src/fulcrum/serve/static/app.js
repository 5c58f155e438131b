/* fulcrum dashboard: draws the Plotly figures the server embedded as JSON, and makes table rows clickable.
   No inline script anywhere: the Content-Security-Policy allows scripts from this server only. */
(function () {
  "use strict";

  function drawCharts(root) {
    if (!window.Plotly) { return; }
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.rendered) { return; }
      var src = document.getElementById(el.dataset.chart);
      if (!src) { return; }
      var fig = JSON.parse(src.textContent);
      el.dataset.rendered = "pending";
      window.Plotly.newPlot(el, fig.data, fig.layout, { responsive: true, displaylogo: false })
        .then(function () { el.dataset.rendered = "1"; });
    });
  }

  function rowLinks(root) {
    root.querySelectorAll("tr[data-href]").forEach(function (tr) {
      if (tr.dataset.bound) { return; }
      tr.dataset.bound = "1";
      tr.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) { return; }
        var href = tr.dataset.href;
        if (href && href.charAt(0) === "/" && href.charAt(1) !== "/") { window.location.assign(href); }
      });
    });
  }

  function init(root) { drawCharts(root); rowLinks(root); }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    document.body.addEventListener("htmx:afterSettle", function (ev) { init(ev.target || document); });
    var mark = document.getElementById("evidence");
    if (mark && window.location.hash === "#evidence") { mark.scrollIntoView({ block: "center" }); }
  });
}());
