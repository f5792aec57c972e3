// Hòa Lạc charts (Chart.js, vendored): projects by stage (bar) and registered vs disbursed
// capital over time (line). Data comes from the json_script tag "hoalac-chart-data"; each
// canvas gets data-rendered="1" once drawn.
document.addEventListener("DOMContentLoaded", function () {
  var data = document.getElementById("hoalac-chart-data");
  if (!data || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var stages = document.getElementById("stage-chart");
  if (stages && d.stages) {
    new window.Chart(stages, {
      type: "bar",
      data: { labels: d.stages.labels, datasets: [{ data: d.stages.projects, backgroundColor: "#4a78a8" }] },
      options: { animation: false, responsive: true, plugins: { legend: { display: false } } }
    });
    stages.dataset.rendered = "1";
  }
  var capital = document.getElementById("capital-chart");
  if (capital && d.capital) {
    new window.Chart(capital, {
      type: "line",
      data: {
        labels: d.capital.labels,
        datasets: [
          { label: capital.dataset.registered || "registered", data: d.capital.registered, borderColor: "#7a1712" },
          { label: capital.dataset.disbursed || "disbursed", data: d.capital.disbursed, borderColor: "#1e7b34" }
        ]
      },
      options: { animation: false, responsive: true }
    });
    capital.dataset.rendered = "1";
  }
});
