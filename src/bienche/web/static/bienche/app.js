// Org chart: client-side search filter and expand/collapse. No outside code.
(function () {
  function filterTree(tree, q) {
    q = (q || "").trim().toLowerCase();
    var items = tree.querySelectorAll("li.node");
    if (!q) { items.forEach(function (li) { li.classList.remove("hidden", "hit"); }); return; }
    items.forEach(function (li) { li.classList.add("hidden"); li.classList.remove("hit"); });
    items.forEach(function (li) {
      if (li.dataset.search.indexOf(q) === -1) return;
      li.classList.add("hit");
      var el = li;
      while (el && el !== tree) {
        if (el.tagName === "LI") el.classList.remove("hidden");
        if (el.tagName === "DETAILS") el.open = true;
        el = el.parentElement;
      }
    });
  }
  // Selects that submit their form on change (no inline handlers: the CSP forbids them).
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("select[data-autosubmit]")) e.target.form.submit();
  });
  document.addEventListener("DOMContentLoaded", function () {
    var tree = document.getElementById("tree");
    if (!tree) return;
    var input = document.querySelector("[data-testid=search]");
    filterTree(tree, tree.dataset.q);
    if (input) input.addEventListener("input", function () { filterTree(tree, input.value); });
    document.querySelectorAll("[data-tree-action]").forEach(function (b) {
      b.addEventListener("click", function () {
        var open = b.dataset.treeAction === "expand";
        tree.querySelectorAll("details").forEach(function (d) { d.open = open; });
      });
    });
  });
})();
