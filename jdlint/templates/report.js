/* jdlint HTML report: filters, sorting and keyboard navigation. Reads data-* attributes
   and changes classes and textContent only: nothing from the report is ever parsed as HTML. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function all(selector, scope) {
    return Array.prototype.slice.call((scope || document).querySelectorAll(selector));
  }

  // -- filters by severity and category ---------------------------------------------------
  var bar = document.getElementById("filters");
  if (bar) {
    bar.hidden = false;
  }
  var filtered = all("[data-sev][data-cat]");
  var boxes = all("input[data-filter]");
  var status = document.getElementById("filter-status");
  var total = all(".card").length;

  function wanted(kind) {
    var on = {};
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === kind) {
        on[box.value] = box.checked;
      }
    });
    return on;
  }

  function applyFilters() {
    var sev = wanted("sev");
    var cat = wanted("cat");
    var shown = 0;
    filtered.forEach(function (el) {
      var off = sev[el.getAttribute("data-sev")] === false ||
        cat[el.getAttribute("data-cat")] === false;
      el.classList.toggle("off", off);
      if (!off && el.classList.contains("card")) {
        shown += 1;
      }
    });
    if (status) {
      status.textContent = "Showing " + shown + " of " + total + " findings";
    }
  }

  boxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  applyFilters();

  // -- the current finding: its marks in the text and its card -----------------------------
  function select(key) {
    all(".current").forEach(function (el) {
      el.classList.remove("current");
    });
    if (!key) {
      return;
    }
    all("[data-f], [data-card]").forEach(function (el) {
      if (el.getAttribute("data-f") === key || el.getAttribute("data-card") === key) {
        el.classList.add("current");
        if (el.classList.contains("card") && el.scrollIntoView) {
          el.scrollIntoView({ block: "nearest" });
        }
      }
    });
  }

  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (el.classList && el.classList.contains("ref") && el.parentElement) {
      select(el.parentElement.getAttribute("data-f"));
      return;
    }
    var card = el.closest ? el.closest(".card") : null;
    if (card) {
      select(card.getAttribute("data-card"));
    }
  });

  // -- keyboard: j or n for the next finding, k or p for the previous one -------------------
  var refs = all("a.ref");

  function visible(ref) {
    var owner = ref.parentElement;
    return !(owner && owner.classList.contains("off"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" ||
        (target && target.isContentEditable)) {
      return;
    }
    var step = 0;
    if (event.key === "j" || event.key === "n") {
      step = 1;
    } else if (event.key === "k" || event.key === "p") {
      step = -1;
    }
    if (!step) {
      return;
    }
    var list = refs.filter(visible);
    if (!list.length) {
      return;
    }
    var at = list.indexOf(document.activeElement);
    if (at < 0) {
      var card = target && target.closest ? target.closest(".card") : null;
      if (card) {
        var key = card.getAttribute("data-card");
        at = list.findIndex(function (ref) {
          return ref.parentElement.getAttribute("data-f") === key;
        });
      }
    }
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) :
      Math.min(Math.max(at + step, 0), list.length - 1);
    list[next].focus();
    if (list[next].scrollIntoView) {
      list[next].scrollIntoView({ block: "center" });
    }
    event.preventDefault();
  });

  // -- sortable tables ----------------------------------------------------------------------
  all("table.sortable").forEach(function (table) {
    var heads = table.tHead ? all("th", table.tHead) : [];
    heads.forEach(function (th, column) {
      var button = th.querySelector("button.sort");
      if (!button) {
        return;
      }
      button.disabled = false;
      button.addEventListener("click", function () {
        var order = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (other) {
          other.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", order);
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-v") || "";
          var y = b.cells[column].getAttribute("data-v") || "";
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
          return order === "ascending" ? c : -c;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  });
})();
