// The page: reads the filters from the form (and the address bar, so a view can be linked),
// asks the JSON API, and draws the list, the evidence and the chart. No build step.
"use strict";

const PAGE = 50;
const FILTERS = ["actor", "source", "target", "dyad", "code", "modality", "claimant", "q", "since", "until"];
const form = document.getElementById("filters");
let offset = 0;

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

function filterParams() {
  const p = new URLSearchParams();
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

async function api(path) {
  const r = await fetch("/api/v1/" + path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}

function showError(e) {
  $("error").hidden = !e;
  $("error").textContent = e ? e.message : "";
}

function side(a) {
  const who = a.name || a.text || "";
  return esc(a.code || a.country || "?") + (who ? ` <span class="muted">${esc(who)}</span>` : "");
}

// A vague time ("recently", "soon") stands on the publication date: the list marks it.
const VAGUE = {past: "on or before", present: "around", future: "on or after"};
function dateOf(e) {
  if (!e.date) return '<span class="muted">unknown</span>';
  const d = esc(e.date) + (e.date_end ? "/" + esc(e.date_end) : "");
  return e.date_vague ? `<span title="${esc(VAGUE[e.date_vague] || e.date_vague)} this date">~${d}</span>` : d;
}

// ISO 8601 durations as written by the coder (P3D, P2W, PT5H, P1Y2M): in words.
const UNITS = {Y: "year", M: "month", W: "week", D: "day", H: "hour", S: "second"};
function durationText(iso) {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso || "");
  if (!m) return iso || "";
  const parts = [[m[1], "Y"], [m[2], "M"], [m[3], "W"], [m[4], "D"], [m[5], "H"], [m[6], "minute"], [m[7], "S"]]
    .filter(([n]) => n)
    .map(([n, u]) => `${n} ${UNITS[u] || u}${n === "1" ? "" : "s"}`);
  return parts.join(" ") || iso;
}

// How the date was found, how precise it is, how long the event lasted, where it happened.
function whenWhere(e) {
  const bits = [];
  if (e.date) {
    bits.push(`${esc(e.date_precision || "")} date` + (e.date_basis ? `, ${esc(e.date_basis)}` : ""));
    if (e.date_vague) bits.push(`${esc(VAGUE[e.date_vague] || e.date_vague)} the publication date`);
  }
  if (e.duration) bits.push(`lasted ${esc(durationText(e.duration))}`);
  if (e.location) bits.push(`in ${esc(e.location.name)}` + (e.location.country ? ` (${esc(e.location.country)})` : ""));
  return bits.join(" · ");
}

function claimantText(c) {
  const who = c.name || c.text || c.title || c.code || c.country || "?";
  return esc(who) + (c.code && c.name ? ` <span class="muted">${esc(c.code)}</span>` : "");
}

// Evidence offsets are UTF-8 bytes; JavaScript strings count UTF-16 units.
const enc = new TextEncoder(), dec = new TextDecoder();
function highlight(text, start, end) {
  const b = enc.encode(text);
  if (start < 0 || end > b.length || start > end) return esc(text);
  return esc(dec.decode(b.slice(0, start))) + '<mark class="trigger">' +
    esc(dec.decode(b.slice(start, end))) + "</mark>" + esc(dec.decode(b.slice(end)));
}

async function load() {
  showError(null);
  const p = filterParams();
  const here = new URLSearchParams(p);
  const shown = new URLSearchParams(location.search).get("event");
  if (shown) here.set("event", shown);
  history.replaceState(null, "", "?" + here.toString());
  const chart = new URLSearchParams(p);
  chart.set("by", form.elements.by.value);
  $("chart").src = "/api/v1/timeline.svg?" + chart.toString();
  try {
    const page = new URLSearchParams(p);
    page.set("limit", PAGE);
    page.set("offset", offset);
    const [events, dyads, actors] = await Promise.all([
      api("events?" + page), api("dyads?limit=15&" + p), api("actors?limit=15&" + p)]);
    $("count").textContent = `${events.total} events`;
    $("page").textContent = events.total ? `${offset + 1}–${offset + events.events.length}` : "";
    $("prev").disabled = offset === 0;
    $("next").disabled = offset + events.events.length >= events.total;
    $("events").innerHTML = events.events.map((e) =>
      `<tr data-id="${esc(e.id)}"><td>${dateOf(e)}</td><td title="${esc(e.label)}">${esc(e.code)}</td>` +
      `<td>${esc(e.modality)}</td><td>${side(e.source)}</td><td>${side(e.target)}</td>` +
      `<td>${e.documents.length}</td></tr>`).join("");
    $("dyads").innerHTML = dyads.dyads.map((d) =>
      `<tr data-source="${esc(d.source)}" data-target="${esc(d.target)}"><td>${esc(d.source)} → ${esc(d.target)}</td>` +
      `<td>${d.events}</td><td class="muted">${Object.entries(d.by_root).map(([r, n]) => `${esc(r)}: ${n}`).join(", ")}</td></tr>`).join("");
    $("actors").innerHTML = actors.actors.map((a) =>
      `<tr data-actor="${esc(a.country)}"><td>${esc(a.country)}</td><td>${a.events}</td>` +
      `<td class="muted">${a.as_source} as source, ${a.as_target} as target</td></tr>`).join("");
  } catch (e) {
    showError(e);
  }
}

async function showEvent(id) {
  const here = new URLSearchParams(location.search);
  here.set("event", id);
  history.replaceState(null, "", "?" + here.toString());
  try {
    const e = await api("events/" + encodeURIComponent(id));
    $("detail").innerHTML =
      `<h2>${esc(e.code)} ${esc(e.label)} <span class="muted">(${esc(e.modality)})</span></h2>` +
      `<p>${dateOf(e)} · ${side(e.source)} → ${side(e.target)}</p>` +
      `<p class="muted" id="when">${whenWhere(e)}</p>` +
      (e.claimants && e.claimants.length
        ? `<p id="claimants">claimed by ${e.claimants.map((c) => `${claimantText(c)} <span class="muted">(${c.mentions})</span>`).join(", ")}</p>`
        : "") +
      `<p class="muted">${e.mentions.length} mentions in ${e.documents.length} documents from ${esc(e.outlets.join(", "))}</p>` +
      e.mentions.map((m) =>
        `<div class="mention"><div class="meta"><a href="#" data-doc="${esc(m.document)}">${esc(m.title || m.document)}</a>` +
        ` · ${esc(m.outlet || "")} ${esc(m.published || "")} · rule ${esc(m.rule)}` +
        (m.claimant ? ` · according to ${claimantText(m.claimant)}` : "") + `</div>` +
        `<div>${highlight(m.text, m.start - m.sentence_start, m.end - m.sentence_start)}</div></div>`).join("") +
      `<div id="doc"></div>`;
  } catch (err) {
    showError(err);
  }
}

async function showDocument(id) {
  try {
    const d = await api("documents/" + encodeURIComponent(id));
    // Mark every event span in the clean text, byte offsets converted piecewise.
    const b = enc.encode(d.text);
    let html = "", at = 0;
    for (const s of d.spans) {
      if (s.start < at) continue;
      html += esc(dec.decode(b.slice(at, s.start))) + `<mark class="trigger" title="${esc(s.code)} ${esc(s.rule)}">` +
        esc(dec.decode(b.slice(s.start, s.end))) + "</mark>";
      at = s.end;
    }
    html += esc(dec.decode(b.slice(at)));
    $("doc").innerHTML = `<h2>${esc(d.title || d.id)}</h2><p class="muted">${esc(d.source || "")} ${esc(d.published || "")}` +
      (d.url ? ` · <a href="${esc(d.url)}">source</a>` : "") + `</p><div class="doc">${html}</div>`;
  } catch (err) {
    showError(err);
  }
}

form.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; load(); });
form.addEventListener("reset", () => setTimeout(() => { offset = 0; load(); }));
form.elements.by.addEventListener("change", () => load());
$("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); load(); });
$("next").addEventListener("click", () => { offset += PAGE; load(); });
$("events").addEventListener("click", (ev) => {
  const tr = ev.target.closest("tr");
  if (!tr) return;
  document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
  tr.classList.add("selected");
  showEvent(tr.dataset.id);
});
$("dyads").addEventListener("click", (ev) => {
  const tr = ev.target.closest("tr");
  if (!tr) return;
  // A dyad row opens the pair in both directions, year by year in the chart.
  for (const name of ["actor", "source", "target"]) form.elements[name].value = "";
  form.elements.dyad.value = `${tr.dataset.source}-${tr.dataset.target}`;
  offset = 0;
  load();
});
$("actors").addEventListener("click", (ev) => {
  const tr = ev.target.closest("tr");
  if (!tr) return;
  form.elements.actor.value = tr.dataset.actor;
  offset = 0;
  load();
});
$("detail").addEventListener("click", (ev) => {
  const a = ev.target.closest("a[data-doc]");
  if (!a) return;
  ev.preventDefault();
  showDocument(a.dataset.doc);
});

// Filters and the event shown come from the address bar, so a view can be bookmarked.
const initial = new URLSearchParams(location.search);
for (const name of FILTERS) if (initial.get(name)) form.elements[name].value = initial.get(name);
if (initial.get("event")) showEvent(initial.get("event"));
api("health").then((h) => { $("health").textContent = `${h.events} events from ${h.documents} documents`; }).catch(showError);
load();
