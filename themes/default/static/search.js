// Search page: Pagefind indexes (one per run of years) merged in the browser, with filters,
// sort and the query kept in the URL so that a search is a link one can share.
const root = document.getElementById("search");
const base = root.dataset.base;
const indexes = root.dataset.indexes.split(" ").filter(Boolean);
const label = (key) => root.dataset["label" + key[0].toUpperCase() + key.slice(1)];
const PAGE_SIZE = 5; // pages per batch: each costs its fragment download (about 5 KB)

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function select(name, text, options) {
  const field = el("select", { id: "f-" + name, name });
  field.append(el("option", { value: "" }, label("all")));
  for (const [value, shown] of options) field.append(el("option", { value }, shown));
  return el("div", { class: "control" }, el("label", { for: "f-" + name }, text), field);
}

function buildForm(filters) {
  const form = el("form", { class: "search-page-form", role: "search" });
  const query = el("input", { id: "q", name: "q", type: "search", autocomplete: "off" });
  form.append(el("div", { class: "control" },
    el("label", { for: "q" }, label("query")), query, " ",
    el("button", { type: "submit" }, label("button"))));
  const controls = el("fieldset", { class: "search-controls" }, el("legend", {}, label("filters")));
  controls.append(select("body", label("body"), filters.body.map((b) => [b, b])));
  controls.append(select("year", label("year"), filters.year.map((y) => [y, y])));
  if (filters.type.length > 1) {
    controls.append(select("type", label("type"), filters.type.map((t) => [t, t])));
  }
  const sort = el("select", { id: "f-sort", name: "sort" },
    el("option", { value: "" }, label("relevance")), el("option", { value: "date" }, label("date")));
  controls.append(el("div", { class: "control" }, el("label", { for: "f-sort" }, label("sort")), sort));
  controls.append(el("div", { class: "control check" },
    el("input", { id: "f-decisions", name: "decisions", type: "checkbox", value: "1" }), " ",
    el("label", { for: "f-decisions" }, label("decisions"))));
  form.append(controls);
  return form;
}

function readState(form) {
  const data = new FormData(form);
  const state = {};
  for (const [key, value] of data.entries()) if (value) state[key] = value;
  return state;
}

function writeControls(form, params) {
  for (const field of form.elements) {
    if (!field.name || !params.has(field.name)) continue;
    if (field.type === "checkbox") field.checked = params.get(field.name) === field.value;
    else field.value = params.get(field.name);
  }
}

function resultItem(page, sub) {
  const meta = page.meta || {};
  const where = [meta.body, meta.date].filter(Boolean).join(", ");
  const excerpt = el("p", { class: "excerpt" });
  excerpt.innerHTML = sub.excerpt; // Pagefind escapes the text and adds only <mark>
  return el("li", {},
    el("a", { href: sub.url }, sub.title || meta.title || sub.url),
    el("p", { class: "meta" }, where), excerpt);
}

async function main() {
  const pagefind = await import(base + indexes[0] + "pagefind.js");
  // noWorker: search runs in the page; saves downloading Pagefind's worker script
  await pagefind.options({ baseUrl: base, excerptLength: 24, noWorker: true });
  for (const other of indexes.slice(1)) await pagefind.mergeIndex(base + other, { baseUrl: base });
  await pagefind.init();
  // the filter values come with the page: Pagefind's filter files load only when used
  const form = buildForm(JSON.parse(root.dataset.filters));
  const status = el("p", { role: "status", "aria-live": "polite", class: "search-status" });
  const list = el("ol", { class: "search-results" });
  const more = el("button", { type: "button", class: "more", hidden: "" }, "+");
  root.replaceChildren(form, status, list, more);
  writeControls(form, new URLSearchParams(location.search));

  let results = [];
  let shown = 0;
  let current = 0;

  async function showMore(run, decisionsOnly) {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (run !== current) return;
    for (const page of pages) {
      const allowed = new Set((page.meta.decisions || "").split(" ").filter(Boolean));
      let subs = (page.sub_results || []).filter((s) => s.anchor && s.anchor.id);
      if (decisionsOnly) subs = subs.filter((s) => allowed.has(s.anchor.id));
      if (!subs.length && !decisionsOnly) subs = [{ url: page.url, title: page.meta.title, excerpt: page.excerpt }];
      for (const sub of subs.slice(0, 3)) list.append(resultItem(page, sub));
    }
    more.hidden = shown >= results.length;
  }

  async function run() {
    const state = readState(form);
    const params = new URLSearchParams(state);
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
    const run = ++current;
    list.replaceChildren();
    results = [];
    shown = 0;
    more.hidden = true;
    if (!state.q) { status.textContent = ""; return; }
    const wanted = {};
    for (const key of ["body", "year", "type", "decisions"]) if (state[key]) wanted[key] = state[key];
    const options = { filters: wanted };
    if (state.sort === "date") options.sort = { date: "desc" };
    const search = await pagefind.search(state.q, options);
    if (run !== current) return;
    results = search.results;
    await showMore(run, Boolean(state.decisions));
    if (run !== current) return;
    status.textContent = results.length
      ? `${results.length} ${label("results")}: "${state.q}"`
      : `${label("none")}: "${state.q}"`;
  }

  let timer;
  form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.addEventListener("change", () => { clearTimeout(timer); run(); });
  more.addEventListener("click", () => showMore(current, Boolean(readState(form).decisions)));
  more.textContent = label("more");
  await run();
}

main().catch((error) => {
  root.append(el("p", { class: "error" }, String(error)));
});
