// Steering charts (Chart.js, vendored): tasks by evaluation bucket (doughnut) and the
// on-time rate by quarter (line). Data comes from the json_script tag "steering-chart-data";
// each canvas gets data-rendered="1" once drawn.
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("steering-chart-data");
  if (!data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var colours = {
    done_on_time: "#1e7b34", done_late: "#c9a227", open_within: "#4a78a8",
    open_overdue: "#b3261e", no_deadline: "#8a94a0", ongoing: "#6b4fa0", cancelled: "#d9dee5"
  };
  var buckets = document.getElementById("bucket-chart");
  if (buckets && d.buckets) {
    new window.Chart(buckets, {
      type: "doughnut",
      data: {
        labels: d.buckets.labels,
        datasets: [{
          data: d.buckets.values,
          backgroundColor: d.buckets.keys.map(function (k) { return colours[k] || "#999"; })
        }]
      },
      options: { animation: false, responsive: true, plugins: { legend: { position: "right" } } }
    });
    buckets.dataset.rendered = "1";
  }
  var trend = document.getElementById("trend-chart");
  if (trend && d.trend) {
    new window.Chart(trend, {
      type: "line",
      data: {
        labels: d.trend.labels,
        datasets: [{ label: d.trend.label, data: d.trend.rate, borderColor: "#7a1712", spanGaps: true }]
      },
      options: { animation: false, responsive: true, scales: { y: { min: 0, max: 100 } } }
    });
    trend.dataset.rendered = "1";
  }
});
