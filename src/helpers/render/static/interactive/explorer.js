/*
 * The book's evidence explorer (HTML edition only).
 *
 * Finds every element with data-pr-view="explorer", reads its rows from the
 * <script type="application/json"> element named by its data-pr-data attribute (never from
 * the network) and shows them with Tabulator (vendored, global `Tabulator`): one row per
 * passage, with its source, subject, kind of subject, stance, speaker, quote, a link to the
 * passage and one to the record. A free-text search runs over every column; selects filter by
 * source, kind, stance and speaker; a count says how many passages are shown. Columns wrap, and
 * on a narrow screen the columns that do not fit fold into each row.
 *
 * Plain ES2017, no build step. The only global defined here is `PRInteractive.explorer`.
 */
(function () {
  "use strict";

  var NS = (window.PRInteractive = window.PRInteractive || {});
  if (NS.explorer) {
    return;
  }

  var SCHEMA = "pr-explorer/1";
  var SEARCHED = [
    "source_label",
    "subject",
    "kind_label",
    "stance",
    "speaker",
    "quote",
    "id",
    "subject_id",
  ];

  /** Text folded for searching: lower case, no accents, straight quotes and hyphens. */
  function fold(text) {
    return String(text)
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .toLowerCase();
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function textCell(cell) {
    var span = document.createElement("span");
    span.className = "pr-ex-text";
    span.textContent = cell.getValue() || "";
    return span;
  }

  function quoteCell(cell) {
    var q = document.createElement("q");
    q.className = "pr-ex-quote";
    q.textContent = cell.getValue() || "";
    return q;
  }

  function linkCell(label) {
    return function (cell) {
      var data = cell.getRow().getData();
      var a = document.createElement("a");
      a.href = cell.getValue();
      a.textContent = label;
      a.setAttribute(
        "aria-label",
        label === "Passage"
          ? "The passage in " + data.source_label
          : "The record of " + data.subject
      );
      a.className = "pr-ex-link";
      return a;
    };
  }

  function ExplorerView(root) {
    var self = this;
    this.root = root;
    var source = document.getElementById(root.getAttribute("data-pr-data"));
    if (!source) {
      throw new Error("explorer: no data element #" + root.getAttribute("data-pr-data"));
    }
    this.data = JSON.parse(source.textContent);
    if (this.data.schema !== SCHEMA) {
      throw new Error("explorer: expected data " + SCHEMA + ", got " + this.data.schema);
    }
    this.rank = {};
    this.data.sources.forEach(function (s, i) {
      self.rank[s.id] = i;
    });
    this.rows = this.data.rows.map(function (row) {
      var copy = Object.assign({}, row);
      copy._search = fold(
        SEARCHED.map(function (key) {
          return row[key];
        }).join(" \u0000 ")
      );
      return copy;
    });
    this.total = this.rows.length;
    this.find = function (role) {
      return root.querySelector('[data-pr-role="' + role + '"]');
    };
    this.controls = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-pr-filter]"), function (control) {
      self.controls[control.getAttribute("data-pr-filter")] = control;
    });
    this.criteria = { terms: [], source: "", kind: "", stance: "", speaker: "" };
    this.build();
  }

  ExplorerView.prototype.build = function () {
    var self = this;
    var bySource = function (a, b, aRow, bRow) {
      return self.rank[aRow.getData().source] - self.rank[bRow.getData().source];
    };
    this.table = new Tabulator(this.find("table"), {
      data: this.rows,
      index: "id",
      layout: "fitColumns",
      responsiveLayout: "collapse",
      responsiveLayoutCollapseStartOpen: true,
      pagination: true,
      paginationSize: 25,
      paginationSizeSelector: [10, 25, 50, 100, true],
      paginationCounter: "rows",
      placeholder: "No passage matches the search and the filters.",
      columnDefaults: { vertAlign: "top", headerHozAlign: "left", resizable: true },
      columns: [
        {
          title: "",
          formatter: "responsiveCollapse",
          field: "_toggle",
          width: 34,
          minWidth: 34,
          hozAlign: "center",
          resizable: false,
          headerSort: false,
          cssClass: "pr-ex-toggle",
        },
        {
          title: "Source",
          field: "source_label",
          sorter: bySource,
          formatter: textCell,
          minWidth: 100,
          widthGrow: 1,
          responsive: 0,
        },
        {
          title: "Subject",
          field: "subject",
          formatter: textCell,
          minWidth: 160,
          widthGrow: 2.2,
          responsive: 1,
        },
        {
          title: "Kind",
          field: "kind_label",
          formatter: textCell,
          minWidth: 82,
          widthGrow: 0.7,
          responsive: 4,
        },
        {
          title: "Stance",
          field: "stance",
          formatter: textCell,
          minWidth: 98,
          widthGrow: 0.8,
          responsive: 3,
        },
        {
          title: "Speaker",
          field: "speaker",
          formatter: textCell,
          minWidth: 100,
          widthGrow: 1,
          responsive: 3,
        },
        {
          title: "Quote",
          field: "quote",
          formatter: quoteCell,
          minWidth: 200,
          widthGrow: 4,
          responsive: 0,
        },
        {
          title: "Passage",
          field: "passage",
          formatter: linkCell("Passage"),
          headerSort: false,
          minWidth: 80,
          widthGrow: 0.7,
          responsive: 2,
        },
        {
          title: "Record",
          field: "record",
          formatter: linkCell("Record"),
          headerSort: false,
          minWidth: 76,
          widthGrow: 0.7,
          responsive: 2,
        },
      ],
    });
    this.table.on("tableBuilt", function () {
      self.table.setFilter(function (row) {
        return self.matches(row);
      });
      self.table.on("dataFiltered", function (filters, rows) {
        self.showCount(rows.length);
      });
      self.showCount(self.table.getDataCount("active"));
      self.wire();
      self.root.setAttribute("data-pr-built", "");
    });
  };

  ExplorerView.prototype.matches = function (row) {
    var c = this.criteria;
    if (c.source && row.source !== c.source) return false;
    if (c.kind && row.kind !== c.kind) return false;
    if (c.stance && row.stance !== c.stance) return false;
    if (c.speaker && row.speaker !== c.speaker) return false;
    for (var i = 0; i < c.terms.length; i += 1) {
      if (row._search.indexOf(c.terms[i]) < 0) return false;
    }
    return true;
  };

  ExplorerView.prototype.read = function () {
    var c = this.controls;
    this.criteria = {
      terms: fold(c.search ? c.search.value : "")
        .split(/\s+/)
        .filter(Boolean),
      source: c.source ? c.source.value : "",
      kind: c.kind ? c.kind.value : "",
      stance: c.stance ? c.stance.value : "",
      speaker: c.speaker ? c.speaker.value : "",
    };
    this.table.refreshFilter();
  };

  ExplorerView.prototype.wire = function () {
    var self = this;
    var timer = null;
    Object.keys(this.controls).forEach(function (name) {
      var control = self.controls[name];
      if (name === "search") {
        control.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () {
            self.read();
          }, 120);
        });
        control.addEventListener("keydown", function (e) {
          if (e.key === "Enter") {
            clearTimeout(timer);
            self.read();
          }
        });
      } else {
        control.addEventListener("change", function () {
          self.read();
        });
      }
    });
    var reset = this.root.querySelector('[data-pr-action="reset"]');
    if (reset) {
      reset.addEventListener("click", function () {
        Object.keys(self.controls).forEach(function (name) {
          self.controls[name].value = "";
        });
        self.read();
      });
    }
    this.find("fallback").hidden = true;
    this.find("controls").hidden = false;
    this.find("count").hidden = false;
  };

  ExplorerView.prototype.showCount = function (n) {
    var count = this.find("count");
    count.setAttribute("data-count", String(n));
    count.setAttribute("data-total", String(this.total));
    count.textContent =
      (n === this.total
        ? plural(n, "passage") + " shown"
        : n + " of " + plural(this.total, "passage") + " shown") + ".";
  };

  var views = [];

  function init() {
    if (typeof Tabulator === "undefined") {
      throw new Error("explorer: Tabulator is not loaded");
    }
    Array.prototype.forEach.call(
      document.querySelectorAll('[data-pr-view="explorer"]'),
      function (root) {
        if (!root.hasAttribute("data-pr-ready")) {
          root.setAttribute("data-pr-ready", "");
          views.push(new ExplorerView(root));
        }
      }
    );
  }

  NS.explorer = { init: init, views: views, fold: fold };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
