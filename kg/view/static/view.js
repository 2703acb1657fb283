// The interactive part of kg's graph page.  Every text that comes from the
// graph (labels, titles, sentences) reaches the DOM through textContent only.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  window.kgData = data;

  var LANG_NAMES = { en: "English", vi: "Tiếng Việt", th: "ไทย", lo: "ລາວ", km: "ខ្មែរ" };
  var nodeById = new Map();
  var colorOf = new Map();
  var edgesOf = new Map();
  var edgeById = new Map();
  var state = { lang: data.lang, classes: new Set(), country: "", selected: null };

  data.classes.forEach(function (c) { colorOf.set(c.name, c.color); state.classes.add(c.name); });
  data.nodes.forEach(function (n) { nodeById.set(n.id, n); edgesOf.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    edgesOf.get(e.from).push(e);
    if (e.to !== e.from) edgesOf.get(e.to).push(e);
  });

  // ---- small DOM helpers -------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "class") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function swatch(cls) {
    var s = el("span", { class: "kg-swatch" });
    s.style.background = colorOf.get(cls) || "#999";
    return s;
  }
  function tag(text) { return el("span", { class: "kg-tag", text: text }); }

  function labelOf(n, lang) {
    lang = lang || state.lang;
    return (n.pref && n.pref[lang]) || (n.labels[lang] && n.labels[lang][0]) || n.label;
  }
  function norm(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // ---- the network -------------------------------------------------------
  var nodes = new vis.DataSet(data.vis.nodes);
  var edges = new vis.DataSet(data.vis.edges);
  var container = document.getElementById("kg-network");
  var loading = document.getElementById("kg-loading");
  var physicsBox = document.getElementById("kg-physics");
  var physicsOn = !!(data.vis.options.physics && data.vis.options.physics.enabled);
  if (physicsOn && data.nodes.length > 0) loading.hidden = false;

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.vis.options);
  window.network = network;
  window.kgReady = false;

  // The embedded web fonts (Thai, Lao, Khmer) load on first use, but the canvas measures and draws its labels
  // at once: load every face now, and once they are in, have vis-network measure the labels again.
  var fontsLoaded = Promise.resolve();
  if (document.fonts && document.fonts.size) {
    var loads = [];
    document.fonts.forEach(function (face) { loads.push(face.load().catch(function () { return null; })); });
    fontsLoaded = Promise.all(loads).then(function () {
      nodes.update(nodes.get({ fields: ["id", "label"] }));
    });
  }

  function markReady() {
    fontsLoaded.then(function () {
      network.once("afterDrawing", function () {
        window.kgReady = true;
        window.kgReadyAt = performance.now();
      });
      network.redraw();
    });
  }
  if (physicsOn) {
    network.on("stabilizationProgress", function (p) {
      document.getElementById("kg-progress").value = Math.round((100 * p.iterations) / p.total);
    });
    network.once("stabilizationIterationsDone", function () {
      loading.hidden = true;
      // Freeze the settled picture; the "Animate layout" box turns physics back on.
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  } else {
    markReady();
  }
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked, stabilization: false } });
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: { duration: 400 } });
  });
  document.getElementById("kg-edge-labels").addEventListener("change", function (ev) {
    var show = ev.target.checked;
    edges.update(data.edges.map(function (e) { return { id: e.id, label: show ? e.property : "" }; }));
  });

  // ---- title, language switch ---------------------------------------------
  document.getElementById("kg-title").textContent = data.title;
  var langBox = document.getElementById("kg-langs");
  data.languages.forEach(function (code) {
    var b = el("button", { type: "button", text: code, title: LANG_NAMES[code] || code, "data-lang": code });
    b.addEventListener("click", function () { setLanguage(code); });
    langBox.appendChild(b);
  });
  function setLanguage(code) {
    state.lang = code;
    document.documentElement.lang = code;
    Array.prototype.forEach.call(langBox.children, function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === code));
    });
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: labelOf(n, code) }; }));
    fillCountries();
    if (state.selected) showSelection(state.selected);
  }
  window.kgSetLanguage = setLanguage;

  // ---- legend and filters -------------------------------------------------
  var legend = document.getElementById("kg-legend");
  data.classes.forEach(function (c) {
    var box = el("input", { type: "checkbox", "data-class": c.name });
    box.checked = true;
    box.addEventListener("change", function () {
      if (box.checked) state.classes.add(c.name); else state.classes.delete(c.name);
      applyFilters();
    });
    legend.appendChild(el("li", null, [
      el("label", null, [box, swatch(c.name), el("span", { text: c.name }), el("span", { class: "kg-count", text: String(c.count) })]),
    ]));
  });
  function setAllClasses(on) {
    legend.querySelectorAll("input").forEach(function (box) {
      box.checked = on;
      if (on) state.classes.add(box.getAttribute("data-class")); else state.classes.delete(box.getAttribute("data-class"));
    });
    applyFilters();
  }
  document.getElementById("kg-all").addEventListener("click", function () { setAllClasses(true); });
  document.getElementById("kg-none").addEventListener("click", function () { setAllClasses(false); });

  var countrySelect = document.getElementById("kg-country");
  function fillCountries() {
    var keep = state.country;
    countrySelect.textContent = "";
    countrySelect.appendChild(new Option("All countries", ""));
    data.countries
      .map(function (c) { return { id: c.id, text: labelOf(nodeById.get(c.id)) }; })
      .sort(function (a, b) { return a.text.localeCompare(b.text); })
      .forEach(function (c) { countrySelect.appendChild(new Option(c.text, c.id)); });
    countrySelect.appendChild(new Option("No country stated", "\u0000none"));
    countrySelect.value = keep;
  }
  countrySelect.addEventListener("change", function () {
    state.country = countrySelect.value;
    applyFilters();
  });

  function visible(n) {
    if (!state.classes.has(n.cls)) return false;
    if (state.country === "") return true;
    if (state.country === "\u0000none") return !n.country;
    return n.country === state.country || n.id === state.country;
  }
  var hidden = new Set();
  function applyFilters() {
    var changes = [];
    var shown = 0;
    data.nodes.forEach(function (n) {
      var show = visible(n);
      if (show) shown += 1;
      if (show === hidden.has(n.id)) {
        changes.push({ id: n.id, hidden: !show });
        if (show) hidden.delete(n.id); else hidden.add(n.id);
      }
    });
    if (changes.length) nodes.update(changes);
    document.getElementById("kg-stats").textContent =
      "Showing " + shown + " of " + data.nodes.length + " entities, " + data.edges.length + " relations, " +
      Object.keys(data.articles).length + " articles.";
  }

  // ---- search --------------------------------------------------------------
  var index = [];
  data.nodes.forEach(function (n) {
    var seen = new Set();
    function add(text, lang) {
      var key = norm(text);
      if (!key || seen.has(key)) return;
      seen.add(key);
      index.push({ key: key, id: n.id, text: text, lang: lang });
    }
    add(n.label, "");
    Object.keys(n.pref || {}).forEach(function (lang) { add(n.pref[lang], lang); });
    Object.keys(n.labels).forEach(function (lang) { n.labels[lang].forEach(function (t) { add(t, lang); }); });
  });
  var searchBox = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var matches = [];

  function search(query) {
    var q = norm(query);
    if (!q) return [];
    var best = new Map();
    index.forEach(function (entry) {
      var pos = entry.key.indexOf(q);
      if (pos < 0) return;
      var rank = entry.key === q ? 0 : pos === 0 ? 1 : 2;
      var prev = best.get(entry.id);
      if (!prev || rank < prev.rank) best.set(entry.id, { id: entry.id, rank: rank, text: entry.text, lang: entry.lang });
    });
    return Array.from(best.values()).sort(function (a, b) {
      return a.rank - b.rank || (nodeById.get(b.id).importance - nodeById.get(a.id).importance) || a.text.localeCompare(b.text);
    });
  }
  function renderResults() {
    results.textContent = "";
    matches.slice(0, 12).forEach(function (m, i) {
      var n = nodeById.get(m.id);
      var b = el("button", { type: "button", role: "option" }, [
        swatch(n.cls), el("span", { text: m.text }), m.lang ? tag(m.lang) : null,
        el("span", { class: "kg-hint", text: m.text === labelOf(n) ? n.cls : labelOf(n) + " · " + n.cls }),
      ]);
      if (i === 0) b.classList.add("active");
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      b.addEventListener("click", function () { selectEntity(m.id); results.hidden = true; });
      results.appendChild(el("li", null, [b]));
    });
    if (matches.length === 0 && searchBox.value.trim()) {
      results.appendChild(el("li", { class: "kg-empty", text: "No entity has that label." }));
    }
    results.hidden = !searchBox.value.trim();
  }
  searchBox.addEventListener("input", function () {
    matches = search(searchBox.value);
    renderResults();
    if (matches.length && matches[0].rank === 0) selectEntity(matches[0].id);
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { selectEntity(matches[0].id); results.hidden = true; }
    if (ev.key === "Escape") { results.hidden = true; }
  });
  searchBox.addEventListener("focus", function () { if (searchBox.value.trim()) renderResults(); });
  searchBox.addEventListener("blur", function () { results.hidden = true; });

  // ---- selection and the details panel ---------------------------------------
  var panel = document.getElementById("kg-details");

  function selectEntity(id) {
    var n = nodeById.get(id);
    if (!n) return;
    if (!visible(n)) {
      // The filters hid it: show its class and every country again rather than fail.
      if (!state.classes.has(n.cls)) {
        state.classes.add(n.cls);
        legend.querySelector('input[data-class="' + n.cls + '"]').checked = true;
      }
      state.country = "";
      countrySelect.value = "";
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    showSelection({ node: id });
  }
  window.kgSelect = selectEntity;
  window.kgShow = showSelection;

  function entityLink(id) {
    var n = nodeById.get(id);
    var b = el("button", { type: "button", class: "kg-link", title: n.cls }, [swatch(n.cls), el("span", { text: labelOf(n) })]);
    b.addEventListener("click", function () { selectEntity(id); });
    return b;
  }
  function articleLine(articleId, extra) {
    var a = data.articles[articleId];
    var parts = [el("span", { text: a ? a.title : articleId || "unknown article" })];
    if (a && a.lang) { parts.push(document.createTextNode(" ")); parts.push(tag(a.lang)); }
    if (a && a.date) parts.push(el("span", { class: "kg-hint", text: " " + a.date }));
    if (extra) parts.push(el("span", { class: "kg-hint", text: " " + extra }));
    return parts;
  }
  // ---- paging: a node with hundreds of articles or quotes never renders them all at once ----
  var PAGE = { articles: 25, relations: 20, evidenceGroups: 3, moreGroups: 10 };

  // Append items to list in pages of size; a "Show more" button below it adds the next page.
  function paged(list, items, render, size, noun) {
    var shown = 0;
    var more = el("button", { type: "button", class: "kg-more" });
    function next(count) {
      items.slice(shown, shown + count).forEach(function (item) { list.appendChild(render(item)); });
      shown = Math.min(items.length, shown + count);
      var left = items.length - shown;
      more.hidden = left <= 0;
      more.textContent = "Show " + Math.min(left, count) + " more " + noun + " (" + left + " left)";
    }
    more.addEventListener("click", function () { next(size); });
    next(size);
    return more;
  }

  // Evidence of a relation grouped by article: one source line per article, its quotes beneath.
  function evidenceGroups(evidence) {
    var groups = new Map();
    evidence.forEach(function (ev) {
      var key = ev.article || "";
      if (!groups.has(key)) groups.set(key, []);
      var quotes = groups.get(key);
      if (!quotes.some(function (q) { return q.sentence === ev.sentence; })) quotes.push(ev);
    });
    return Array.from(groups.entries()).map(function (entry) { return { article: entry[0], quotes: entry[1] }; });
  }
  function evidenceGroup(group) {
    var box = el("blockquote", { class: "kg-evidence" });
    group.quotes.forEach(function (ev) {
      var conf = ev.extractor ? ev.extractor + (ev.confidence ? " · " + ev.confidence : "") : "";
      // a curated fact cites kg's gazetteer, not a sentence
      box.appendChild(el("p", { text: ev.sentence || (ev.source ? "Curated: " + ev.source : ""), title: conf }));
    });
    var one = group.quotes[0];
    var extra = group.quotes.length > 1
      ? group.quotes.length + " quotes"
      : one.extractor ? one.extractor + (one.confidence ? " · " + one.confidence : "") : "";
    box.appendChild(el("div", { class: "kg-source" }, articleLine(group.article, extra)));
    return box;
  }

  function relationItem(e, from) {
    var head;
    if (from === null) {
      head = el("div", { class: "kg-rel-head" }, [entityLink(e.from), el("span", { class: "kg-prop", text: e.property }), el("span", { class: "kg-arrow", text: "→" }), entityLink(e.to)]);
    } else if (e.from === from) {
      head = el("div", { class: "kg-rel-head" }, [el("span", { class: "kg-arrow", text: "→" }), el("span", { class: "kg-prop", text: e.property }), entityLink(e.to)]);
    } else {
      head = el("div", { class: "kg-rel-head" }, [el("span", { class: "kg-arrow", text: "←" }), el("span", { class: "kg-prop", text: e.property }), entityLink(e.from)]);
    }
    var li = el("li", null, [head]);
    var groups = evidenceGroups(e.evidence);
    if (groups.length) {
      var box = el("div", { class: "kg-evidence-groups" });
      li.appendChild(box);
      var first = from === null ? PAGE.moreGroups : PAGE.evidenceGroups;
      var shown = 0;
      var more = el("button", { type: "button", class: "kg-more" });
      var showNext = function (count) {
        groups.slice(shown, shown + count).forEach(function (g) { box.appendChild(evidenceGroup(g)); });
        shown = Math.min(groups.length, shown + count);
        var left = groups.length - shown;
        more.hidden = left <= 0;
        more.textContent = "Show evidence from " + Math.min(left, PAGE.moreGroups) + " more article" + (Math.min(left, PAGE.moreGroups) === 1 ? "" : "s") + " (" + left + " left)";
      };
      more.addEventListener("click", function () { showNext(PAGE.moreGroups); });
      showNext(first);
      li.appendChild(more);
    }
    if (!e.evidence.length) li.appendChild(el("p", { class: "kg-empty", text: "No evidence recorded." }));
    return li;
  }

  function showEmpty() {
    panel.textContent = "";
    panel.appendChild(el("h3", { text: "Details" }));
    panel.appendChild(el("p", { class: "kg-empty" }, [
      el("strong", { text: "Click a node" }),
      document.createTextNode(" (or search for a name) to see its labels, the articles that mention it and the evidence for each relation. Click an edge to see its evidence."),
    ]));
  }

  function showNode(id) {
    var n = nodeById.get(id);
    panel.textContent = "";
    panel.appendChild(el("h2", { id: "kg-details-title", text: labelOf(n) }));
    var meta = el("div", { class: "kg-meta" }, [el("span", { class: "kg-class" }, [swatch(n.cls), el("span", { id: "kg-details-class", text: n.cls })])]);
    if (n.country && nodeById.has(n.country)) meta.appendChild(entityLink(n.country));
    if (n.wikidata && /^Q[0-9]+$/.test(n.wikidata)) {
      meta.appendChild(el("a", { href: "https://www.wikidata.org/wiki/" + n.wikidata, target: "_blank", rel: "noopener noreferrer", text: "Wikidata " + n.wikidata }));
    }
    panel.appendChild(meta);

    var langs = Object.keys(n.labels).sort(function (a, b) {
      var order = ["en", "vi", "th", "lo", "km"];
      var ia = order.indexOf(a), ib = order.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    var dl = el("dl", { class: "kg-labels", id: "kg-details-labels" });
    langs.forEach(function (lang) {
      var dd = el("dd");
      n.labels[lang].forEach(function (text, i) {
        if (i) dd.appendChild(document.createTextNode(" · "));
        dd.appendChild(el("span", { class: n.pref && n.pref[lang] === text ? "kg-pref" : "", text: text }));
      });
      dl.appendChild(el("dt", { text: lang || "—", title: LANG_NAMES[lang] || "no language tag" }));
      dl.appendChild(dd);
    });
    if (!langs.length) {
      dl.appendChild(el("dt", { text: "label" }));
      dl.appendChild(el("dd", { text: n.label }));
    }
    panel.appendChild(el("section", null, [el("h3", { text: "Labels" }), dl]));

    var arts = el("ul", { class: "kg-list", id: "kg-details-articles" });
    var moreArts = paged(arts, n.articles, function (a) { return el("li", null, articleLine(a)); }, PAGE.articles, "articles");
    if (!n.articles.length) arts.appendChild(el("li", { class: "kg-empty", text: "No article recorded." }));
    panel.appendChild(el("section", null, [el("h3", { text: "Mentioned in " + n.articles.length + " article" + (n.articles.length === 1 ? "" : "s") }), arts, moreArts]));

    var rels = edgesOf.get(id);
    var list = el("ul", { class: "kg-list", id: "kg-details-relations" });
    var moreRels = paged(list, rels, function (e) { return relationItem(e, id); }, PAGE.relations, "relations");
    if (!rels.length) list.appendChild(el("li", { class: "kg-empty", text: "No relation." }));
    panel.appendChild(el("section", null, [el("h3", { text: "Relations (" + rels.length + ")" }), list, moreRels]));
  }

  function showEdge(edgeId) {
    var e = edgeById.get(edgeId);
    panel.textContent = "";
    panel.appendChild(el("h2", { text: e.property }));
    panel.appendChild(el("div", { class: "kg-meta", text: "Relation with " + e.evidence.length + " evidence record" + (e.evidence.length === 1 ? "" : "s") }));
    panel.appendChild(el("section", null, [el("ul", { class: "kg-list" }, [relationItem(e, null)])]));
  }

  function showSelection(sel) {
    state.selected = sel;
    if (sel && sel.node && nodeById.has(sel.node)) showNode(sel.node);
    else if (sel && sel.edge && edgeById.has(sel.edge)) showEdge(sel.edge);
    else { state.selected = null; showEmpty(); }
  }

  network.on("click", function (params) {
    if (params.nodes.length) showSelection({ node: params.nodes[0] });
    else if (params.edges.length) showSelection({ edge: params.edges[0] });
    else showSelection(null);
  });

  fillCountries();
  setLanguage(state.lang);
  applyFilters();
  showEmpty();
})();
