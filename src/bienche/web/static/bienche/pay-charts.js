// Pay scenario chart (Chart.js, vendored): cost by month, baseline against scenario, in
// billions of đồng. Data comes from the json_script tag "pay-chart-data"; the canvas gets
// data-rendered="1" once drawn.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("pay-chart");
  var data = document.getElementById("pay-chart-data");
  if (!el || !data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var vi = (document.documentElement.lang || "vi") === "vi";
  var billions = function (values) {
    return values.map(function (v) { return Math.round(v / 1e7) / 100; });
  };
  var datasets = [{
    label: (vi ? "Gốc: " : "Baseline: ") + d.baseline_label,
    data: billions(d.baseline),
    borderColor: "#4a78a8",
    backgroundColor: "#4a78a8"
  }];
  if (d.scenario && d.scenario.length) {
    datasets.push({
      label: (vi ? "Kịch bản: " : "Scenario: ") + d.scenario_label,
      data: billions(d.scenario),
      borderColor: "#b3261e",
      backgroundColor: "#b3261e"
    });
  }
  new window.Chart(el, {
    type: "line",
    data: { labels: d.labels, datasets: datasets },
    options: {
      animation: false,
      responsive: true,
      scales: {
        y: { beginAtZero: false, title: { display: true, text: vi ? "tỷ đồng" : "billion đồng" } }
      }
    }
  });
  el.dataset.rendered = "1";
});
