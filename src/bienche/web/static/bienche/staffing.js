// Quota vs actual chart (Chart.js, vendored). Data comes from a json_script tag.
document.addEventListener("DOMContentLoaded", function () {
  var el = document.getElementById("quota-chart");
  var data = document.getElementById("chart-data");
  if (!el || !data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var lang = document.documentElement.lang || "vi";
  new window.Chart(el, {
    type: "bar",
    data: {
      labels: d.labels,
      datasets: [
        { label: lang === "vi" ? "Biên chế được giao" : "Quota", data: d.quota, backgroundColor: "#c9a227" },
        { label: lang === "vi" ? "Có mặt" : "Actual", data: d.actual, backgroundColor: "#7a1712" }
      ]
    },
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true } } }
  });
  el.dataset.rendered = "1";
});
