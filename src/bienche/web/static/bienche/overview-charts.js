// Overview charts (Chart.js, vendored): quota vs staff by kind (bar), steering tasks by
// state (doughnut), public service units by autonomy group over the years (stacked bar).
// Data comes from the json_script tag "overview-chart-data"; a drawn canvas gets
// data-rendered="1".
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("overview-chart-data");
  if (!data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  // A fresh options object per chart: Chart.js writes resolved scales into the one it gets.
  function opts() { return { animation: false, responsive: true }; }
  var staffing = document.getElementById("overview-staffing-chart");
  if (staffing && d.staffing) {
    new window.Chart(staffing, {
      type: "bar",
      data: {
        labels: d.staffing.labels,
        datasets: [
          { label: staffing.dataset.quota || "quota", data: d.staffing.quota, backgroundColor: "#4a78a8" },
          { label: staffing.dataset.actual || "actual", data: d.staffing.actual, backgroundColor: "#7a1712" }
        ]
      },
      options: opts()
    });
    staffing.dataset.rendered = "1";
  }
  var steering = document.getElementById("overview-steering-chart");
  if (steering && d.steering) {
    new window.Chart(steering, {
      type: "doughnut",
      data: {
        labels: d.steering.labels,
        datasets: [{ data: d.steering.values, backgroundColor: ["#1e7b34", "#c9a227", "#4a78a8", "#7a1712"] }]
      },
      options: opts()
    });
    steering.dataset.rendered = "1";
  }
  var autonomy = document.getElementById("overview-autonomy-chart");
  if (autonomy && d.autonomy) {
    var colors = { 1: "#1e7b34", 2: "#4a78a8", 3: "#c9a227", 4: "#7a1712" };
    var sets = Object.keys(d.autonomy.groups).map(function (g) {
      return { label: (autonomy.dataset.group || "group") + " " + g, data: d.autonomy.groups[g], backgroundColor: colors[g] };
    });
    new window.Chart(autonomy, {
      type: "bar",
      data: { labels: d.autonomy.labels, datasets: sets },
      options: { animation: false, responsive: true, scales: { x: { stacked: true }, y: { stacked: true } } }
    });
    autonomy.dataset.rendered = "1";
  }
});
