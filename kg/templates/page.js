/* kg graph page: reads the JSON data block, draws it with vis-network (positions precomputed, physics
 * off) and wires search, filters, highlighting and the details panel. Every string from an article
 * reaches the DOM through textContent; links are made only for http(s) URLs. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var EVENTS = DATA.events, DOCS = DATA.docs, STATS = DATA.stats;
  var TYPES = {}, QUADS = DATA.palette.quads;
  DATA.palette.types.forEach(function (t) { TYPES[t[0]] = [t[1], t[2]]; });
  var BIG = DATA.vis.nodes.length > 1000 || DATA.vis.edges.length > 1500;
  var DIM_NODE = "#dfe3e8", DIM_EDGE = "#e6e9ed", PAGE_SIZE = 100;

  var stats = window.kgStats = {
    ready: false, readyMs: null, nodes: STATS.nodes, edges: STATS.edges, events: STATS.events,
    visibleNodes: 0, visibleEdges: 0, visibleEvents: 0, omittedNodes: STATS.omitted_nodes,
    omittedEdges: STATS.omitted_edges, omittedEvents: STATS.omitted_events, selected: null
  };

  // ------------------------------------------------------------------ small DOM helpers

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function httpUrl(u) {
    if (typeof u !== "string") return null;
    try {
      var parsed = new URL(u);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }
  function link(url, text) {
    var safe = httpUrl(url);
    if (!safe) return el("span", null, text);
    var a = el("a", null, text);
    a.href = safe; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  // toLocaleString is slow enough to matter when thousands of tooltips are rebuilt
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ------------------------------------------------------------------ indexes

  var nodeById = new Map(), edgeById = new Map(), incident = new Map();
  DATA.vis.nodes.forEach(function (n) {
    nodeById.set(n.id, n);
    incident.set(n.id, []);
    n.haystack = fold([n.label, n.kg.label_en, n.id].concat(
      n.kg.members.map(function (m) { return m.label + "\u0001" + m.id; })).join("\u0001"));
  });
  DATA.vis.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  });
  function label(code) { var n = nodeById.get(code); return n ? n.label : code; }

  // ------------------------------------------------------------------ filter state

  var allRoots = DATA.roots.map(function (r) { return r.root; });
  var allModalities = DATA.modalities.map(function (m) { return m.modality; });
  var state = { roots: new Set(allRoots), modalities: new Set(allModalities), from: "", to: "",
                undated: true, query: "", selected: null };

  function span(date) {
    if (date.length === 4) return [date + "-01-01", date + "-12-31"];
    if (date.length === 7) return [date + "-01", date + "-31"];
    return [date, date];
  }
  function eventVisible(ev) {
    if (!state.roots.has(ev.root) || !state.modalities.has(ev.modality)) return false;
    if (!ev.date) return state.undated;
    var s = span(ev.date);
    return (!state.from || s[1] >= state.from) && (!state.to || s[0] <= state.to);
  }
  function filtersActive() {
    return state.roots.size !== allRoots.length || state.modalities.size !== allModalities.length ||
      !!state.from || !!state.to || !state.undated;
  }
  function matches() {
    if (!state.query) return null;
    var q = fold(state.query), out = new Set();
    nodeById.forEach(function (n, id) { if (n.haystack.indexOf(q) >= 0) out.add(id); });
    return out;
  }

  // ------------------------------------------------------------------ what is visible

  function computeView() {
    var matched = matches(), shownEdges = new Map(), shownNodes = new Set(), nEvents = 0;
    DATA.vis.edges.forEach(function (e) {
      if (matched && !matched.has(e.from) && !matched.has(e.to)) return;
      var evs = e.kg.events.filter(function (i) { return eventVisible(EVENTS[i]); });
      if (!evs.length) return;
      shownEdges.set(e.id, evs);
      shownNodes.add(e.from); shownNodes.add(e.to);
      nEvents += evs.length;
    });
    if (matched) matched.forEach(function (id) { shownNodes.add(id); });
    else if (!filtersActive()) {
      incident.forEach(function (list, id) { if (!list.length) shownNodes.add(id); });
    }
    return { edges: shownEdges, nodes: shownNodes, events: nEvents, matched: matched };
  }

  function focusSet(view) {
    var sel = state.selected;
    if (!sel) return null;
    var keep = new Set();
    if (sel.kind === "node") {
      keep.add(sel.id);
      incident.get(sel.id).forEach(function (e) {
        if (view.edges.has(e.id)) { keep.add(e.from); keep.add(e.to); }
      });
    } else {
      var e = edgeById.get(sel.id);
      keep.add(e.from); keep.add(e.to);
    }
    return keep;
  }

  function edgeStyle(evIdx) {
    var counts = {}, best = 0, bestN = -1, asserted = false;
    evIdx.forEach(function (i) {
      var q = EVENTS[i].quad;
      counts[q] = (counts[q] || 0) + 1;
      if (EVENTS[i].modality === "asserted") asserted = true;
    });
    Object.keys(counts).forEach(function (q) {
      var n = counts[q], qi = Number(q);
      if (n > bestN || (n === bestN && qi > best)) { best = qi; bestN = n; }
    });
    var colour = QUADS[String(best)][0];
    return { width: Math.round(Math.min(1.5 + 1.5 * Math.log2(Math.max(evIdx.length, 1)), 8) * 100) / 100,
             colour: colour, dashes: !asserted };
  }

  // ------------------------------------------------------------------ tooltips (DOM elements)

  function nodeTip(n) {
    var box = el("div");
    box.appendChild(el("div", "tip-title", n.label));
    if (n.kg.label_en && n.kg.label_en !== n.label) box.appendChild(el("div", "tip-sub", n.kg.label_en));
    var kind = TYPES[n.kg.type] ? TYPES[n.kg.type][1] : n.kg.type;
    box.appendChild(el("div", "tip-line", n.id + " \u00b7 " + kind + " \u00b7 " + fmt(n.kg.n_events) + " events"));
    return box;
  }
  function edgeTip(e, evIdx) {
    var box = el("div");
    box.appendChild(el("div", "tip-title", label(e.from) + " \u2192 " + label(e.to)));
    box.appendChild(el("div", "tip-sub", fmt(evIdx.length) + (evIdx.length === 1 ? " event" : " events")));
    sortEvents(evIdx).slice(0, 5).forEach(function (i) {
      var ev = EVENTS[i];
      var when = ev.date || "no date";
      var mod = ev.modality === "asserted" ? "" : " (" + ev.modality + ")";
      box.appendChild(el("div", "tip-line", when + " \u00b7 " + ev.label + mod));
    });
    if (evIdx.length > 5) box.appendChild(el("div", "tip-sub", "\u2026 click the link for all"));
    return box;
  }

  // ------------------------------------------------------------------ vis network

  var nodes = new vis.DataSet(DATA.vis.nodes.map(function (n) {
    return { id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, shape: "dot", color: n.color,
             title: nodeTip(n) };
  }));
  var edges = new vis.DataSet(DATA.vis.edges.map(function (e) {
    e.fullTip = edgeTip(e, e.kg.events);
    return { id: e.id, from: e.from, to: e.to, width: e.width, color: e.color, dashes: e.dashes,
             smooth: e.smooth, title: e.fullTip };
  }));
  var options = {
    autoResize: true,
    physics: { enabled: false },
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
                   keyboard: false, multiselect: false, navigationButtons: false },
    nodes: { shape: "dot", borderWidth: 1.5, borderWidthSelected: 3,
             font: { size: 14, face: "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Arial, sans-serif",
                     color: "#1f2933", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 7 } } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.55 } }, selectionWidth: 1.5, hoverWidth: 0.8,
             smooth: false, color: { inherit: false } }
  };
  var network = new vis.Network(document.getElementById("graph"), {}, options);
  window.kgNetwork = network;

  // One redraw per user action: with thousands of items every DataSet update would otherwise redraw the
  // whole canvas at once (vis 9.1.2's own _blockRedraw / _allowRedraw events, as its stabilisation uses).
  var batchDepth = 0;
  function batched(fn) {
    return function () {
      var emitter = network.body.emitter;
      if (batchDepth++ === 0) emitter.emit("_blockRedraw");
      try { return fn.apply(this, arguments); } finally {
        if (--batchDepth === 0) { emitter.emit("_allowRedraw"); network.redraw(); }
      }
    };
  }

  // ------------------------------------------------------------------ render: push only what changed

  // keys of the state each item was last drawn in; the initial data is "everything shown, nothing dimmed"
  // Only what changed is sent (each vis update re-parses the item's options); a hidden item keeps its
  // last style until it is shown again.
  var shownNode = new Map(), nodeLook = new Map(), shownEdge = new Map(), edgeLook = new Map();
  DATA.vis.nodes.forEach(function (n) { shownNode.set(n.id, true); nodeLook.set(n.id, ""); });
  DATA.vis.edges.forEach(function (e) { shownEdge.set(e.id, true); edgeLook.set(e.id, e.kg.events.join(",")); });

  function nodeUpdate(n, view, keep) {
    var show = view.nodes.has(n.id), look = keep && !keep.has(n.id) ? "dim" : "", u = { id: n.id };
    if (shownNode.get(n.id) !== show) { u.hidden = !show; shownNode.set(n.id, show); }
    if (show && nodeLook.get(n.id) !== look) {
      nodeLook.set(n.id, look);
      u.color = look ? { background: DIM_NODE, border: "#ffffff" } : n.color;
      u.font = { color: look ? "#b6bec8" : "#1f2933" };
    }
    return Object.keys(u).length > 1 ? u : null;
  }

  function edgeUpdate(e, view, keep) {
    var evs = view.edges.get(e.id), show = !!evs, u = { id: e.id };
    if (shownEdge.get(e.id) !== show) { u.hidden = !show; shownEdge.set(e.id, show); }
    if (show) {
      var sel = state.selected, dim = !!keep && !(keep.has(e.from) && keep.has(e.to) &&
        (sel.kind === "node" ? (e.from === sel.id || e.to === sel.id) : e.id === sel.id));
      var look = (dim ? "d" : "") + evs.join(",");
      if (edgeLook.get(e.id) !== look) {
        edgeLook.set(e.id, look);
        var st = edgeStyle(evs), c = dim ? DIM_EDGE : st.colour;
        u.width = dim ? 1 : st.width;
        u.dashes = st.dashes;
        u.color = { color: c, highlight: c, hover: c, opacity: dim ? 0.6 : 0.85 };
        u.title = evs.length === e.kg.events.length ? e.fullTip : edgeTip(e, evs);
      }
    }
    return Object.keys(u).length > 1 ? u : null;
  }

  function render() {
    var view = computeView(), keep = focusSet(view), nodeUpdates = [], edgeUpdates = [];
    DATA.vis.nodes.forEach(function (n) { var u = nodeUpdate(n, view, keep); if (u) nodeUpdates.push(u); });
    DATA.vis.edges.forEach(function (e) { var u = edgeUpdate(e, view, keep); if (u) edgeUpdates.push(u); });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    stats.visibleNodes = view.nodes.size;
    stats.visibleEdges = view.edges.size;
    stats.visibleEvents = view.events;
    document.getElementById("empty").hidden = view.nodes.size > 0;
    showStats();
    return view;
  }

  function showStats() {
    var box = document.getElementById("stats");
    clear(box);
    [[stats.visibleNodes, stats.nodes, "actor"], [stats.visibleEdges, stats.edges, "link"],
     [stats.visibleEvents, stats.events, "event"]].forEach(function (row, i) {
      if (i) box.appendChild(document.createTextNode(" \u00b7 "));
      var b = el("b", null, row[0] === row[1] ? fmt(row[0]) : fmt(row[0]) + " of " + fmt(row[1]));
      b.id = "stat-" + row[2] + "s";
      box.appendChild(b);
      box.appendChild(document.createTextNode(" " + row[2] + (row[1] === 1 ? "" : "s")));
    });
  }

  function showNotice() {
    if (!STATS.omitted_edges && !STATS.omitted_nodes) return;
    var box = document.getElementById("notice");
    box.hidden = false;
    box.textContent = "Showing the " + fmt(STATS.edges) + " strongest of " + fmt(STATS.total_edges) +
      " links: " + fmt(STATS.omitted_edges) + " links (" + fmt(STATS.omitted_events) + " events) and " +
      fmt(STATS.omitted_nodes) + " actors left out.";
  }

  // ------------------------------------------------------------------ details panel

  var panel = document.getElementById("panel");

  function sortEvents(idx) {
    return idx.slice().sort(function (a, b) {
      var da = EVENTS[a].date || "", db = EVENTS[b].date || "";
      if (da !== db) return da < db ? 1 : -1;
      return EVENTS[a].id < EVENTS[b].id ? -1 : EVENTS[a].id > EVENTS[b].id ? 1 : 0;
    });
  }

  function eventCard(i) {
    var ev = EVENTS[i], doc = DOCS[ev.doc] || {}, li = el("li", "event");
    li.style.borderLeftColor = (QUADS[String(ev.quad)] || QUADS["0"])[0];
    var head = el("div", "head");
    head.appendChild(el("span", null, label(ev.source) + " \u2192 " + label(ev.target)));
    head.appendChild(el("span", "date", ev.date || (ev.date_text ? "\u201c" + ev.date_text + "\u201d" : "no date")));
    li.appendChild(head);
    var tags = el("div", "tags");
    tags.appendChild(el("span", "tag", ev.cameo + " \u00b7 " + ev.label));
    tags.appendChild(el("span", "tag mod " + ev.modality, ev.modality));
    if (ev.attributed_to) tags.appendChild(el("span", "tag", "according to " + label(ev.attributed_to)));
    if (ev.n_mentions > 1) tags.appendChild(el("span", "tag", ev.n_mentions + " mentions"));
    li.appendChild(tags);
    li.appendChild(el("blockquote", "evidence", ev.evidence));
    var src = el("div", "doc");
    src.appendChild(link(doc.url, doc.title || doc.id || "document"));
    var published = /^\d{4}-\d{2}-\d{2}/.test(doc.date || "") ? doc.date.slice(0, 10) : doc.date;
    var extra = [published, doc.title ? doc.id : null].filter(Boolean).join(" \u00b7 ");
    if (extra) src.appendChild(document.createTextNode(" \u00b7 " + extra));
    li.appendChild(src);
    return li;
  }

  function eventList(idx, total) {
    var frag = document.createDocumentFragment();
    var h = el("h3", null, total === idx.length ? fmt(total) + " events"
      : fmt(idx.length) + " of " + fmt(total) + " events match the filters");
    frag.appendChild(h);
    var ul = el("ul", "events"), sorted = sortEvents(idx), shown = 0;
    ul.id = "panel-events";
    function more() {
      sorted.slice(shown, shown + PAGE_SIZE).forEach(function (i) { ul.appendChild(eventCard(i)); });
      shown = Math.min(sorted.length, shown + PAGE_SIZE);
      button.hidden = shown >= sorted.length;
      button.textContent = "Show more (" + fmt(sorted.length - shown) + " left)";
    }
    var button = el("button", "more-button");
    button.type = "button";
    button.addEventListener("click", more);
    frag.appendChild(ul);
    frag.appendChild(button);
    more();
    return frag;
  }

  function nodePanel(id, view) {
    var n = nodeById.get(id), all = [], shown = [], partners = new Map();
    clear(panel);
    var swatch = el("span", "swatch round");
    swatch.style.background = (TYPES[n.kg.type] || TYPES.group)[0];
    var h = el("h2", null, n.label);
    h.id = "panel-title";
    panel.appendChild(h);
    if (n.kg.label_en && n.kg.label_en !== n.label) panel.appendChild(el("p", "sub", n.kg.label_en));
    var facts = el("div", "facts"), kind = el("span", "fact");
    kind.appendChild(swatch);
    kind.appendChild(document.createTextNode((TYPES[n.kg.type] || [null, n.kg.type])[1]));
    facts.appendChild(el("span", "fact", n.id));
    facts.appendChild(kind);
    facts.appendChild(el("span", "fact", fmt(n.kg.n_events) + " events"));
    if (n.kg.wikidata) {
      var w = el("span", "fact");
      w.appendChild(link("https://www.wikidata.org/wiki/" + n.kg.wikidata, "Wikidata " + n.kg.wikidata));
      facts.appendChild(w);
    }
    panel.appendChild(facts);
    incident.get(id).forEach(function (e) {
      e.kg.events.forEach(function (i) { all.push(i); });
      var evs = view.edges.get(e.id) || [];
      evs.forEach(function (i) { shown.push(i); });
      var other = e.from === id ? e.to : e.from;
      if (evs.length) partners.set(other, (partners.get(other) || 0) + evs.length);
    });
    if (n.kg.members.length) {
      panel.appendChild(el("h3", null, "Includes"));
      var ul = el("ul", "plain-list");
      n.kg.members.slice(0, 30).forEach(function (m) {
        var li = el("li");
        li.appendChild(el("span", null, m.label || m.id));
        li.appendChild(el("span", "tip-sub", m.type));
        li.appendChild(el("span", "n", m.n));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    if (partners.size) {
      panel.appendChild(el("h3", null, "Counterparts"));
      var pl = el("ul", "plain-list");
      Array.from(partners.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); })
        .slice(0, 8).forEach(function (p) {
          var li = el("li"), name = el("span", "linkish", label(p[0]));
          name.addEventListener("click", function () { select({ kind: "node", id: p[0] }, true); });
          li.appendChild(name);
          li.appendChild(el("span", "n", p[1]));
          pl.appendChild(li);
        });
      panel.appendChild(pl);
    }
    panel.appendChild(eventList(shown, all.length));
  }

  function edgePanel(id, view) {
    var e = edgeById.get(id);
    clear(panel);
    var h = el("h2", null, label(e.from) + " \u2192 " + label(e.to));
    h.id = "panel-title";
    panel.appendChild(h);
    panel.appendChild(el("p", "sub", e.from + " \u2192 " + e.to));
    panel.appendChild(eventList(view.edges.get(id) || [], e.kg.events.length));
  }

  function overviewPanel() {
    clear(panel);
    var h = el("h2", null, "Overview");
    h.id = "panel-title";
    panel.appendChild(h);
    panel.appendChild(el("p", "hint", "Click an actor or a link to list its events with the evidence " +
      "sentence and the article. Hover for the English name. Scroll to zoom, drag to pan."));
    panel.appendChild(el("h3", null, "Most active actors"));
    var ul = el("ul", "plain-list");
    DATA.vis.nodes.slice().sort(function (a, b) {
      return b.kg.n_events - a.kg.n_events || (a.id < b.id ? -1 : 1);
    }).slice(0, 12).forEach(function (n) {
      var li = el("li"), name = el("span", "linkish", n.label);
      name.addEventListener("click", function () { select({ kind: "node", id: n.id }, true); });
      li.appendChild(name);
      li.appendChild(el("span", "n", fmt(n.kg.n_events)));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  function select(sel, focus) {
    state.selected = sel;
    stats.selected = sel ? sel.id : null;
    var view = render();
    if (!sel) { network.unselectAll(); overviewPanel(); return; }
    if (sel.kind === "node") {
      network.selectNodes([sel.id]);
      nodePanel(sel.id, view);
      if (focus) {
        network.focus(sel.id, { scale: Math.max(network.getScale(), 1.1), animation: false });
        syncArrows();
      }
    } else {
      network.selectEdges([sel.id]);
      edgePanel(sel.id, view);
    }
    panel.scrollTop = 0;
  }

  // fit() would zoom a small graph in no further than 1:1; let it fill the canvas a little more
  function fit(ids) {
    var opts = { animation: false, maxZoomLevel: 1.3 };
    if (ids) opts.nodes = ids;
    network.fit(opts);
    syncArrows();
  }

  // Arrow heads are most of the drawing time of a big graph and too small to see when zoomed out.
  var arrowsOn = true;
  function syncArrows() {
    var on = !BIG || network.getScale() >= 0.3;
    if (on === arrowsOn) return;
    arrowsOn = on;
    network.setOptions({ edges: { arrows: { to: { enabled: on, scaleFactor: 0.55 } } } });
  }
  network.on("zoom", syncArrows);

  function refresh() {
    var view = render();
    if (state.selected && state.selected.kind === "node") nodePanel(state.selected.id, view);
    else if (state.selected) edgePanel(state.selected.id, view);
  }

  network.on("click", function (params) {
    if (params.nodes.length) select({ kind: "node", id: params.nodes[0] }, false);
    else if (params.edges.length) select({ kind: "edge", id: params.edges[0] }, false);
    else select(null, false);
  });

  // ------------------------------------------------------------------ controls

  function checkItem(value, text, count, colour, checked, onChange) {
    var lab = el("label", "check"), box = el("input");
    box.type = "checkbox"; box.checked = checked; box.value = value;
    box.addEventListener("change", function () { onChange(box.checked); });
    lab.appendChild(box);
    if (colour) { var sw = el("span", "swatch"); sw.style.background = colour; lab.appendChild(sw); }
    lab.appendChild(el("span", null, text));
    lab.appendChild(el("span", "n", fmt(count)));
    return lab;
  }

  function buildFilters() {
    var roots = document.getElementById("roots");
    clear(roots);
    DATA.roots.forEach(function (r) {
      roots.appendChild(checkItem(r.root, r.root + " " + r.label, r.n, (QUADS[String(r.quad)] || QUADS["0"])[0],
        state.roots.has(r.root), function (on) { if (on) state.roots.add(r.root); else state.roots.delete(r.root); refresh(); }));
    });
    var mods = document.getElementById("modalities");
    clear(mods);
    DATA.modalities.forEach(function (row) {
      var m = row.modality;
      mods.appendChild(checkItem(m, m, row.n, null, state.modalities.has(m), function (on) {
        if (on) state.modalities.add(m); else state.modalities.delete(m); refresh();
      }));
    });
  }

  function setRoots(on) {
    state.roots = new Set(on ? allRoots : []);
    buildFilters();
    refresh();
  }

  function lastDay(date) {
    if (date.length === 10) return date;
    if (date.length === 4) return date + "-12-31";
    var d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0));
    return date + "-" + String(d.getUTCDate()).padStart(2, "0");
  }

  function buildDates() {
    var dated = EVENTS.map(function (e) { return e.date; }).filter(Boolean).sort();
    var from = document.getElementById("date-from"), to = document.getElementById("date-to");
    if (dated.length) {
      from.min = to.min = span(dated[0])[0];
      from.max = to.max = lastDay(dated[dated.length - 1]);
    }
    function onDate() { state.from = from.value || ""; state.to = to.value || ""; refresh(); }
    from.addEventListener("change", onDate);
    to.addEventListener("change", onDate);
    var und = document.getElementById("undated");
    und.addEventListener("change", function () { state.undated = und.checked; refresh(); });
  }

  var results = document.getElementById("search-results"), search = document.getElementById("search");

  function ranked() {
    var q = fold(state.query), found = [];
    (computeView().matched || new Set()).forEach(function (id) { found.push(nodeById.get(id)); });
    function rank(n) {
      if (fold(n.id) === q) return 0;
      if (fold(n.label).indexOf(q) === 0 || fold(n.kg.label_en).indexOf(q) === 0) return 1;
      return 2;
    }
    return found.sort(function (a, b) {
      return rank(a) - rank(b) || b.kg.n_events - a.kg.n_events || (a.id < b.id ? -1 : 1);
    });
  }

  function showResults() {
    clear(results);
    if (!state.query) return;
    var found = ranked();
    found.slice(0, 8).forEach(function (n) {
      var li = el("li");
      var sw = el("span", "swatch"); sw.style.background = (TYPES[n.kg.type] || TYPES.group)[0];
      li.appendChild(sw);
      li.appendChild(el("span", null, n.label));
      li.appendChild(el("span", "code", n.id));
      li.title = n.kg.label_en || "";
      li.addEventListener("click", function () { select({ kind: "node", id: n.id }, true); });
      results.appendChild(li);
    });
    if (!found.length) results.appendChild(el("li", "more", "No actor matches."));
    else if (found.length > 8) results.appendChild(el("li", "more", "\u2026 and " + fmt(found.length - 8) + " more"));
  }

  function onSearch() {
    state.query = search.value.trim();
    if (state.selected && state.query) state.selected = null;
    refresh();
    showResults();
    fit(state.query ? Array.from(computeView().nodes) : null);
  }

  function onSearchKey(ev) {
    if (ev.key === "Enter") {
      var first = ranked()[0];
      if (first) select({ kind: "node", id: first.id }, true);
    } else if (ev.key === "Escape") {
      search.value = ""; state.query = ""; refresh(); showResults(); fit();
    }
  }

  function buildLegend() {
    var box = document.getElementById("legend");
    box.appendChild(el("h2", "section-title", "Actors"));
    DATA.palette.types.forEach(function (row) {
      var t = row[0];
      var item = el("div", "item"), dot = el("span", "dot");
      dot.style.background = TYPES[t][0];
      item.appendChild(dot);
      item.appendChild(el("span", null, TYPES[t][1]));
      box.appendChild(item);
    });
    var links = el("h2", "section-title", "Links (events)");
    links.style.marginTop = "10px";
    box.appendChild(links);
    ["1", "2", "3", "4"].forEach(function (q) {
      var item = el("div", "item"), line = el("span", "line");
      line.style.borderColor = QUADS[q][0];
      item.appendChild(line);
      item.appendChild(el("span", null, QUADS[q][1]));
      box.appendChild(item);
    });
    var dashed = el("div", "item");
    dashed.appendChild(el("span", "line dashed"));
    dashed.appendChild(el("span", null, "only planned / possible / alleged / denied / negated"));
    box.appendChild(dashed);
    box.appendChild(el("p", "note", "Dot size: number of events of the actor. Line width: number of events " +
      "between the two actors (one line per direction). Line colour: the most frequent kind of event."));
  }

  document.getElementById("roots-all").addEventListener("click", function () { setRoots(true); });
  document.getElementById("roots-none").addEventListener("click", function () { setRoots(false); });
  function reset() {
    state.roots = new Set(allRoots); state.modalities = new Set(allModalities);
    state.from = state.to = ""; state.undated = true; state.query = "";
    search.value = ""; document.getElementById("date-from").value = "";
    document.getElementById("date-to").value = ""; document.getElementById("undated").checked = true;
    buildFilters(); showResults(); select(null, false); fit();
  }

  select = batched(select);
  refresh = batched(refresh);
  setRoots = batched(setRoots);
  onSearch = batched(onSearch);
  onSearchKey = batched(onSearchKey);
  reset = batched(reset);
  search.addEventListener("input", onSearch);
  search.addEventListener("keydown", onSearchKey);
  document.getElementById("reset").addEventListener("click", reset);

  buildFilters();
  buildDates();
  buildLegend();
  showNotice();
  overviewPanel();
  if (!DATA.vis.nodes.length) document.getElementById("empty").textContent = "This graph has no actors yet.";
  network.once("afterDrawing", function () {
    stats.ready = true;
    stats.readyMs = Math.round(performance.now());
  });
  batched(function () { network.setData({ nodes: nodes, edges: edges }); render(); fit(); })();
})();
