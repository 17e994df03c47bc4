/*
 * The book's interactive timeline (HTML edition only).
 *
 * Finds every element with data-pr-view="timeline", reads its data from the
 * <script type="application/json"> element named by its data-pr-data attribute (never from
 * the network), and draws the events with vis-timeline (vendored, global `vis`). Events are
 * grouped by theme; ranges cover the whole period a date stands for (a month, a year, a
 * decade, a span), so that imprecise dates do not look precise; single days are points.
 * Hovering shows a tooltip; clicking (or Enter on a focused event) opens a panel with the date
 * in words, its precision, its sources and their quotes, each linked to its passage.
 *
 * Plain ES2017, no build step. The only global defined here is `PRInteractive.timeline`.
 */
(function () {
  "use strict";

  var NS = (window.PRInteractive = window.PRInteractive || {});
  if (NS.timeline) {
    return; // loaded twice on one page: the first copy does the work
  }

  var SCHEMA = "pr-timeline/1";
  var DAY = 24 * 60 * 60 * 1000;
  var YEAR = 365.25 * DAY;
  var PALETTE = 14;

  // -- small DOM helpers -----------------------------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");
  }

  function localDay(iso) {
    var parts = iso.split("-").map(Number);
    var date = new Date(2000, parts[1] - 1, parts[2]);
    date.setFullYear(parts[0]);
    return date;
  }

  function cssEscape(text) {
    return window.CSS && CSS.escape ? CSS.escape(text) : String(text).replace(/["\\]/g, "\\$&");
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // -- one timeline ----------------------------------------------------------------------------

  function TimelineView(root) {
    this.root = root;
    var source = document.getElementById(root.getAttribute("data-pr-data"));
    if (!source) {
      throw new Error("timeline: no data element #" + root.getAttribute("data-pr-data"));
    }
    this.data = JSON.parse(source.textContent);
    if (this.data.schema !== SCHEMA) {
      throw new Error("timeline: expected data " + SCHEMA + ", got " + this.data.schema);
    }
    this.events = this.data.events;
    this.byId = {};
    this.sourceById = {};
    this.themeById = {};
    var self = this;
    this.events.forEach(function (e) {
      self.byId[e.id] = e;
    });
    this.data.sources.forEach(function (s) {
      self.sourceById[s.id] = s;
    });
    this.data.themes.forEach(function (t, i) {
      self.themeById[t.id] = { theme: t, order: i };
    });
    this.find = function (role) {
      return root.querySelector('[data-pr-role="' + role + '"]');
    };
    this.trigger = null;
    this.openId = null;
    this.shown = [];
    this.build();
  }

  TimelineView.prototype.checked = function (name) {
    var boxes = this.root.querySelectorAll(
      '[data-pr-filter="' + name + '"] input[type="checkbox"]'
    );
    var values = {};
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.checked) {
        values[box.value] = true;
      }
    });
    return values;
  };

  TimelineView.prototype.build = function () {
    var self = this;
    var canvas = this.find("timeline");
    this.items = new vis.DataSet();
    this.groups = new vis.DataSet();
    var all = this.extent(this.events);
    this.timeline = new vis.Timeline(canvas, this.items, this.groups, {
      // An explicit window: vis-timeline's own fit() draws every item to measure it and leaves
      // points outside the window on screen (visjs/vis-timeline#494), so we never call it.
      start: all ? all.start : new Date(1950, 0, 1),
      end: all ? all.end : new Date(2030, 0, 1),
      stack: true,
      orientation: { axis: "both", item: "top" },
      groupOrder: "order",
      showCurrentTime: false,
      moveable: true,
      zoomable: true,
      zoomKey: "ctrlKey",
      horizontalScroll: false,
      verticalScroll: false, // the timeline is as tall as its rows: the page scrolls, not it
      zoomMin: 30 * DAY,
      zoomMax: 120 * YEAR,
      margin: { item: { horizontal: 8, vertical: 4 }, axis: 6 },
      selectable: true,
      multiselect: false,
      showTooltips: true,
      tooltip: { followMouse: true, delay: 120, overflowMethod: "cap" },
      dataAttributes: ["id"],
      locale: "en",
      template: function (item) {
        return self.itemContent(self.byId[item.id]);
      },
      groupTemplate: function (group) {
        if (!group) {
          return "";
        }
        return h("span", { className: "pr-tl-group" }, [
          h("span", { className: "pr-swatch pr-c" + group.color, "aria-hidden": "true" }),
          h("span", { text: group.label }),
        ]);
      },
    });

    // Redraw as soon as the canvas changes width (the panel opening beside it, a resized
    // window), rather than at vis-timeline's once-a-second check.
    if (window.ResizeObserver) {
      var frame = null;
      var width = canvas.offsetWidth;
      new ResizeObserver(function () {
        if (canvas.offsetWidth === width || frame) {
          return;
        }
        frame = requestAnimationFrame(function () {
          frame = null;
          width = canvas.offsetWidth;
          self.timeline.redraw();
        });
      }).observe(canvas);
    }

    // vis-timeline takes a group's elements out of the page and puts them back when it
    // reorders groups on a redraw, and a focused event loses the focus on the way (a blur with
    // nowhere to go, no pointer involved): give it back.
    var pointerAt = 0;
    document.addEventListener(
      "pointerdown",
      function () {
        pointerAt = Date.now();
      },
      true
    );
    canvas.addEventListener("focusout", function (e) {
      var target = e.target;
      if (e.relatedTarget || !target.getAttribute || !target.getAttribute("data-event-id")) {
        return;
      }
      if (Date.now() - pointerAt < 500) {
        return; // the reader clicked elsewhere
      }
      var id = target.getAttribute("data-event-id");
      setTimeout(function () {
        var now = document.activeElement;
        if (now && now !== document.body) {
          return; // the focus is somewhere already
        }
        var again = canvas.contains(target)
          ? target
          : canvas.querySelector('[data-event-id="' + cssEscape(id) + '"]');
        if (again) {
          again.focus({ preventScroll: true });
        }
      }, 0);
    });

    // Opening an event: mouse clicks (not the end of a drag) and keyboard activation.
    var down = null;
    canvas.addEventListener("pointerdown", function (e) {
      down = { x: e.clientX, y: e.clientY };
    });
    canvas.addEventListener("click", function (e) {
      var hit = e.target.closest("[data-event-id], .vis-item[data-id]");
      if (!hit) {
        return;
      }
      var dragged = down && e.detail > 0 && Math.hypot(e.clientX - down.x, e.clientY - down.y) > 6;
      down = null;
      if (dragged) {
        return;
      }
      var id = hit.getAttribute("data-event-id") || hit.getAttribute("data-id");
      self.open(id, hit.querySelector("[data-event-id]") || hit);
    });
    ["undated-list", "list"].forEach(function (role) {
      self.find(role).addEventListener("click", function (e) {
        var hit = e.target.closest("[data-event-id]");
        if (hit) {
          var id = hit.getAttribute("data-event-id");
          if (self.byId[id] && self.byId[id].start) {
            // show where it is on the axis, at the zoom the reader chose
            self.timeline.focus(id, { animation: false, zoom: false });
          }
          self.open(id, hit);
        }
      });
    });

    // The panel.
    var panel = this.find("panel");
    panel.querySelector('[data-pr-action="close"]').addEventListener("click", function () {
      self.close();
    });
    this.root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !panel.hidden) {
        e.preventDefault();
        self.close();
      }
    });

    // Filters.
    Array.prototype.forEach.call(this.root.querySelectorAll("[data-pr-filter]"), function (set) {
      set.addEventListener("change", function () {
        self.update();
      });
      Array.prototype.forEach.call(set.querySelectorAll("[data-pr-action]"), function (button) {
        button.addEventListener("click", function () {
          var on = button.getAttribute("data-pr-action") === "all";
          Array.prototype.forEach.call(set.querySelectorAll("input"), function (box) {
            box.checked = on;
          });
          self.update();
        });
      });
    });

    // Moving and zooming without a mouse.
    var actions = {
      "zoom-in": function () {
        self.timeline.zoomIn(0.5);
      },
      "zoom-out": function () {
        self.timeline.zoomOut(0.5);
      },
      fit: function () {
        self.fit();
      },
      earlier: function () {
        self.move(-0.4);
      },
      later: function () {
        self.move(0.4);
      },
    };
    Array.prototype.forEach.call(
      this.find("status").querySelectorAll("[data-pr-action]"),
      function (button) {
        button.addEventListener("click", actions[button.getAttribute("data-pr-action")]);
      }
    );

    this.find("fallback").hidden = true;
    this.find("controls").hidden = false;
    this.find("status").hidden = false;
    this.find("list-box").hidden = false;
    this.update();
  };

  TimelineView.prototype.move = function (fraction) {
    var range = this.timeline.getWindow();
    var shift = (range.end - range.start) * fraction;
    this.timeline.setWindow(range.start.valueOf() + shift, range.end.valueOf() + shift);
  };

  /** The period the events cover, with a margin (more on the right, for points' titles). */
  TimelineView.prototype.extent = function (events) {
    var first = null;
    var last = null;
    events.forEach(function (e) {
      if (!e.start) {
        return;
      }
      var start = localDay(e.start).valueOf();
      var end = localDay(e.end).valueOf() + DAY;
      first = first === null ? start : Math.min(first, start);
      last = last === null ? end : Math.max(last, end);
    });
    if (first === null) {
      return null;
    }
    var span = Math.max(last - first, 60 * DAY);
    return { start: new Date(first - span * 0.02), end: new Date(last + span * 0.06) };
  };

  /** Show every event that passes the filters. */
  TimelineView.prototype.fit = function () {
    var range = this.extent(this.shown);
    if (range) {
      this.timeline.setWindow(range.start, range.end, { animation: false });
    }
  };

  TimelineView.prototype.itemContent = function (event) {
    return h(
      "button",
      {
        type: "button",
        className: "pr-tl-item",
        "data-event-id": event.id,
        "aria-label": event.title + ", " + event.when,
      },
      [event.title]
    );
  };

  TimelineView.prototype.group = function (event, themes) {
    for (var i = 0; i < event.themes.length; i += 1) {
      if (themes[event.themes[i]]) {
        return event.themes[i];
      }
    }
    return null;
  };

  TimelineView.prototype.item = function (event, group) {
    var color = this.themeById[group] ? this.themeById[group].theme.color % PALETTE : 0;
    var classes = ["pr-c" + color, "pr-tl-" + event.precision];
    if (event.status === "planned") {
      classes.push("pr-tl-planned");
    }
    if (event.qualifier) {
      // "by": the date is an upper bound, "after": a lower bound; the open side fades out
      classes.push("pr-tl-qualified", "pr-tl-" + event.qualifier);
    }
    var item = {
      id: event.id,
      group: group,
      className: classes.join(" "),
      title:
        "<strong>" + escapeHtml(event.title) + "</strong><br>" + escapeHtml(event.when),
      start: localDay(event.start),
    };
    if (event.point) {
      item.type = "point";
    } else {
      item.type = "range";
      item.end = new Date(localDay(event.end).valueOf() + DAY);
    }
    return item;
  };

  /** Apply the filters: redraw the items, the groups, the lists and the count. */
  TimelineView.prototype.update = function () {
    var self = this;
    var themes = this.checked("themes");
    var sources = this.checked("sources");
    this.themes = themes;
    this.sources = sources;
    this.shown = this.events.filter(function (e) {
      return (
        e.themes.some(function (t) {
          return themes[t];
        }) &&
        e.sources.some(function (s) {
          return sources[s];
        })
      );
    });
    var dated = this.shown.filter(function (e) {
      return e.start;
    });
    var undated = this.shown.filter(function (e) {
      return !e.start;
    });

    var used = {};
    var items = dated.map(function (e) {
      var group = self.group(e, themes);
      used[group] = true;
      return self.item(e, group);
    });
    var groups = this.data.themes
      .filter(function (t) {
        return used[t.id];
      })
      .map(function (t) {
        return { id: t.id, label: t.label, color: t.color % PALETTE, order: t.color };
      });
    this.items.clear();
    this.groups.clear();
    this.groups.add(groups);
    this.items.add(items);
    this.fit();

    this.renderList(this.find("undated-list"), undated, false);
    this.find("undated").hidden = undated.length === 0;
    this.renderList(this.find("list"), this.shown, true);

    var count = this.find("count");
    count.setAttribute("data-count", String(this.shown.length));
    count.setAttribute("data-total", String(this.events.length));
    var text =
      this.shown.length === this.events.length
        ? plural(this.shown.length, "event") + " shown"
        : this.shown.length + " of " + plural(this.events.length, "event") + " shown";
    if (undated.length) {
      text += "; " + undated.length + " of them undated, listed below the timeline";
    }
    count.textContent = text + ".";

    if (this.openId && this.shown.indexOf(this.byId[this.openId]) < 0) {
      this.close();
    } else if (this.openId) {
      this.renderPanel(this.byId[this.openId]);
      this.timeline.setSelection([this.openId]);
    }
  };

  TimelineView.prototype.renderList = function (list, events, withDate) {
    list.textContent = "";
    events.forEach(function (e) {
      list.appendChild(
        h("li", {}, [
          h(
            "button",
            { type: "button", className: "pr-linklike", "data-event-id": e.id },
            withDate ? [h("span", { className: "pr-when", text: e.when }), " ", e.title] : [e.title]
          ),
        ])
      );
    });
  };

  TimelineView.prototype.open = function (id, trigger) {
    var event = this.byId[id];
    if (!event) {
      return;
    }
    this.openId = id;
    this.trigger = trigger || null;
    this.renderPanel(event);
    var panel = this.find("panel");
    panel.hidden = false;
    this.timeline.setSelection(event.start ? [id] : []);
    panel.querySelector(".pr-panel-title").focus();
  };

  TimelineView.prototype.close = function () {
    var panel = this.find("panel");
    if (panel.hidden) {
      return;
    }
    panel.hidden = true;
    this.timeline.setSelection([]);
    var id = this.openId;
    this.openId = null;
    var back = this.trigger;
    if (!back || !document.body.contains(back)) {
      back = this.root.querySelector('[data-event-id="' + cssEscape(id) + '"]');
    }
    if (back) {
      back.focus();
      // the timeline redraws at its new width in a moment: keep the focus where it was put
      var timeline = this.timeline;
      var canvas = this.find("timeline");
      var keep = function () {
        timeline.off("changed", keep);
        if (!document.activeElement || document.activeElement === document.body) {
          var again = document.body.contains(back)
            ? back
            : canvas.querySelector('[data-event-id="' + cssEscape(id) + '"]');
          if (again) {
            again.focus({ preventScroll: true });
          }
        }
      };
      timeline.on("changed", keep);
    }
  };

  TimelineView.prototype.renderPanel = function (event) {
    var self = this;
    var panel = this.find("panel");
    panel.setAttribute("data-event-id", event.id);
    panel.querySelector(".pr-panel-title").textContent = event.title;
    var body = this.find("panel-body");
    body.textContent = "";

    body.appendChild(h("p", { className: "pr-panel-when" }, [h("strong", { text: event.when })]));
    var dating = [event.precision_text];
    if (event.basis && event.precision !== "undated") {
      dating.push(event.basis);
    }
    body.appendChild(h("p", { className: "pr-panel-dating", text: dating.join(" ") }));
    if (event.date_note) {
      body.appendChild(h("p", { className: "pr-panel-note", text: event.date_note }));
    }
    if (event.status_text) {
      body.appendChild(h("p", { className: "pr-panel-status", text: event.status_text }));
    }
    if (event.summary) {
      body.appendChild(h("p", { className: "pr-panel-summary", text: event.summary }));
    }
    body.appendChild(
      h(
        "p",
        { className: "pr-panel-themes" },
        [h("span", { className: "pr-visually-hidden", text: "Themes: " })].concat(
          event.themes.map(function (t) {
            var entry = self.themeById[t];
            return h("span", { className: "pr-chip pr-c" + (entry ? entry.theme.color % PALETTE : 0) }, [
              entry ? entry.theme.label : t,
            ]);
          })
        )
      )
    );

    var hidden = [];
    var list = h("div", { className: "pr-panel-sources" });
    event.sources.forEach(function (sourceId) {
      var src = self.sourceById[sourceId];
      if (!self.sources[sourceId]) {
        hidden.push(src ? src.label : sourceId);
        return;
      }
      var quotes = event.evidence.filter(function (ev) {
        return ev.source === sourceId;
      });
      var section = h("section", { className: "pr-panel-source", "data-source-id": sourceId }, [
        h("h4", { className: "pr-panel-source-label" }, [
          src ? src.label : sourceId,
          src && src.title ? h("span", { className: "pr-panel-source-title", text: src.title }) : null,
        ]),
      ]);
      var ul = h("ul", { className: "pr-quotes" });
      quotes.forEach(function (ev) {
        var meta = [];
        if (ev.speaker && ev.speaker !== "the author") {
          meta.push(h("span", { className: "pr-speaker", text: ev.speaker }));
        }
        if (ev.reported) {
          meta.push(h("span", { className: "pr-reported", text: "dates it " + ev.reported }));
        }
        meta.push(
          h("a", {
            className: "pr-passage-link",
            href: ev.href,
            "data-evidence-id": ev.id,
            text: "Passage in " + (src ? src.label : sourceId),
          })
        );
        ul.appendChild(
          h("li", { "data-evidence-id": ev.id }, [
            h("blockquote", { className: "pr-quote" }, [h("p", { text: ev.quote })]),
            h("p", { className: "pr-quote-meta" }, meta),
          ])
        );
      });
      section.appendChild(ul);
      list.appendChild(section);
    });
    body.appendChild(h("h4", { className: "pr-panel-heading", text: "Sources and their words" }));
    body.appendChild(list);
    if (hidden.length) {
      body.appendChild(
        h("p", {
          className: "pr-panel-hidden",
          text: "Also reported by " + hidden.join(", ") + ", not selected in the source filter.",
        })
      );
    }
    if (event.record) {
      body.appendChild(
        h("p", { className: "pr-panel-record" }, [
          h("a", { href: event.record, text: "The event's record in the data" }),
        ])
      );
    }
  };

  // -- start -----------------------------------------------------------------------------------

  var views = [];

  function init() {
    if (typeof vis === "undefined" || !vis.Timeline) {
      throw new Error("timeline: vis-timeline is not loaded");
    }
    Array.prototype.forEach.call(
      document.querySelectorAll('[data-pr-view="timeline"]'),
      function (root) {
        if (!root.hasAttribute("data-pr-ready")) {
          root.setAttribute("data-pr-ready", "");
          views.push(new TimelineView(root));
        }
      }
    );
  }

  NS.timeline = { init: init, views: views };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
