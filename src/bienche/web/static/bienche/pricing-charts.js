// Preschool pilot charts (Chart.js, vendored): schools per coverage band (bar) and coverage
// by district (horizontal bar). Data comes from the json_script tag "pricing-chart-data";
// each canvas gets data-rendered="1" once drawn.
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("pricing-chart-data");
  if (!data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var coverage = document.getElementById("coverage-chart");
  if (coverage && d.coverage) {
    new window.Chart(coverage, {
      type: "bar",
      data: { labels: d.coverage.labels, datasets: [{ data: d.coverage.schools, backgroundColor: "#4a78a8" }] },
      options: { animation: false, responsive: true, plugins: { legend: { display: false } } }
    });
    coverage.dataset.rendered = "1";
  }
  var districts = document.getElementById("district-chart");
  if (districts && d.districts) {
    new window.Chart(districts, {
      type: "bar",
      data: { labels: d.districts.labels, datasets: [{ data: d.districts.coverage, backgroundColor: "#7a1712" }] },
      options: { indexAxis: "y", animation: false, responsive: true, plugins: { legend: { display: false } } }
    });
    districts.dataset.rendered = "1";
  }
});
