// Search page: one Pagefind index per run of years (or months), searched in the browser with
// filters, sort and the query kept in the URL so that a search is a link one can share.
//
// Newest first (the default) searches the newest index alone and goes on to older ones only
// while a batch of results is not yet full: a query costs one index's download, however large
// the archive. Relevance needs every index the filters allow, ranked together.
const root = document.getElementById("search");
// Pagefind's names for what the meeting pages carry, from the contract that marks them up
// (generator/pages/search.py): {filters: {field: name}, decided, sorts: {order: key}, meta: {shown: name}}
const contract = JSON.parse(document.getElementById("search-contract").textContent);
const meta = (page, key) => (page.meta || {})[contract.meta[key]];
const base = root.dataset.base;
const indexes = JSON.parse(root.dataset.indexes); // [{path, prefixes}], newest first
const label = (key) => root.dataset["label" + key[0].toUpperCase() + key.slice(1)];
const PAGE_SIZE = 5; // pages per batch: each costs its fragment download (about 5 KB)

// Every index folder holds the same WASM file under its own URL: download it once.
const wasmFiles = new Map();
const plainFetch = window.fetch.bind(window);
window.fetch = (input, init) => {
  const name = /\/(wasm\.[\w-]+\.pagefind)$/.exec(String(input?.url ?? input))?.[1];
  if (!name) return plainFetch(input, init);
  if (!wasmFiles.has(name)) {
    wasmFiles.set(name, plainFetch(input, init).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.url}`);
      return response.arrayBuffer();
    }).catch((error) => { wasmFiles.delete(name); throw error; }));
  }
  return wasmFiles.get(name).then((bytes) => new Response(bytes));
};

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
    el("option", { value: "date" }, label("date")), el("option", { value: "relevance" }, label("relevance")));
  controls.append(el("div", { class: "control" }, el("label", { for: "f-sort" }, label("sort")), sort));
  controls.append(el("div", { class: "control check" },
    el("input", { id: "f-decisions", name: "decisions", type: "checkbox", value: contract.decided }), " ",
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
  const [date, note] = [meta(page, "date"), meta(page, "date_note")];
  const when = date && note ? `${date} (${note})` : date;
  const where = [meta(page, "body"), when].filter(Boolean).join(", ");
  const excerpt = el("p", { class: "excerpt" });
  excerpt.innerHTML = sub.excerpt; // Pagefind escapes the text and adds only <mark>
  return el("li", {},
    el("a", { href: sub.url }, sub.title || meta(page, "title") || sub.url),
    el("p", { class: "meta" }, where), excerpt);
}

/** The indexes a search with these filters needs, newest first. */
function wanted(state) {
  return indexes.filter((index) => !state.year || index.prefixes.some((p) => p.startsWith(state.year)));
}

/** "2023–2025": the years (or months) of the indexes searched so far. */
function span(searched) {
  const newest = searched[0].prefixes.at(-1);
  const oldest = searched.at(-1).prefixes[0];
  return newest === oldest ? newest : `${oldest}–${newest}`;
}

async function main() {
  const { createInstance } = indexes.length  // a site without meetings has no index
    ? await import(base + indexes[0].path + "pagefind.js") : { createInstance: null };
  const opened = new Map();
  // noWorker: search runs in the page; saves downloading Pagefind's worker script
  const open = (index) => {
    if (!opened.has(index.path)) {
      opened.set(index.path, createInstance({ basePath: base + index.path, baseUrl: base,
                                              excerptLength: 24, noWorker: true }));
    }
    return opened.get(index.path);
  };
  // Pagefind's WASM glue holds one module per page, set up by the first index that loads
  // it; an index opened while that is under way would start a second one and break the first.
  let glue = null;
  const searchIn = async (index, q, options) => {
    if (glue === null) {
      glue = open(index).search(q, options);
      return glue;
    }
    if (!opened.has(index.path)) await glue.catch(() => null);
    return open(index).search(q, options);
  };
  // the filter values come with the page: Pagefind's filter files load only when used
  const form = buildForm(JSON.parse(root.dataset.filters));
  const status = el("p", { role: "status", "aria-live": "polite", class: "search-status" });
  const list = el("ol", { class: "search-results" });
  const more = el("button", { type: "button", class: "more", hidden: "" }, "+");
  root.replaceChildren(form, status, list, more);
  writeControls(form, new URLSearchParams(location.search));

  let current = 0;
  let search = null; // the query being shown: {run, q, options, decisionsOnly, queue, searched, results, shown}

  /** Search older indexes until ``needed`` results are in hand or none is left: one at a
   * time at first, then more at once (1, 1, 2, 4, 8, 8, ...), so that a word only found in
   * old years takes a few round trips, not one per index. */
  async function fill(s, needed) {
    while (s.results.length < needed && s.queue.length) {
      const group = s.queue.splice(0, Math.min(8, Math.max(1, s.searched.length)));
      const found = await Promise.all(group.map((index) => searchIn(index, s.q, s.options)));
      if (s.run !== current) return;
      s.searched.push(...group);
      for (const f of found) s.results.push(...f.results);
    }
  }

  function announce(s) {
    const n = s.results.length;
    if (!n && !s.queue.length) status.textContent = `${label("none")}: "${s.q}"`;
    else if (!s.queue.length) status.textContent = `${n} ${label("results")}: "${s.q}"`;
    else status.textContent = `${n} ${label("results")} (${label("searched")} ${span(s.searched)}): "${s.q}"`;
  }

  async function showMore(s) {
    if (s.busy) return; // a second click while loading would fetch out of order
    s.busy = true;
    try {
      await fill(s, s.shown + PAGE_SIZE);
      await showBatch(s);
    } finally {
      s.busy = false;
    }
  }

  async function showBatch(s) {
    if (s.run !== current) return;
    const batch = s.results.slice(s.shown, s.shown + PAGE_SIZE);
    s.shown += batch.length;
    const pages = await Promise.all(batch.map((r) => r.data()));
    if (s.run !== current) return;
    for (const page of pages) {
      const allowed = new Set((meta(page, "decisions") || "").split(" ").filter(Boolean));
      let subs = (page.sub_results || []).filter((r) => r.anchor && r.anchor.id);
      if (s.decisionsOnly) subs = subs.filter((r) => allowed.has(r.anchor.id));
      if (!subs.length && !s.decisionsOnly) subs = [{ url: page.url, title: meta(page, "title"), excerpt: page.excerpt }];
      for (const sub of subs.slice(0, 3)) list.append(resultItem(page, sub));
    }
    more.hidden = s.shown >= s.results.length && !s.queue.length;
    announce(s);
  }

  async function run() {
    const state = readState(form);
    if (state.sort === "date") delete state.sort; // the default
    const params = new URLSearchParams(state);
    history.replaceState(null, "", params.toString() ? "?" + params : location.pathname);
    const s = { run: ++current, q: state.q, decisionsOnly: Boolean(state.decisions),
                queue: wanted(state), searched: [], results: [], shown: 0 };
    search = s;
    list.replaceChildren();
    more.hidden = true;
    if (!state.q) { status.textContent = ""; return; }
    const filters = {};
    for (const [field, name] of Object.entries(contract.filters)) if (state[field]) filters[name] = state[field];
    s.options = { filters };
    if (state.sort !== "relevance") {
      s.options.sort = { [contract.sorts.date]: "desc" };
    } else {
      // ranked across indexes by score, as Pagefind's own mergeIndex does
      const found = await Promise.all(
        s.queue.map((index) => searchIn(index, s.q, s.options)));
      if (s.run !== current) return;
      s.searched = s.queue.splice(0);
      s.results = found.flatMap((f) => f.results).sort((a, b) => b.score - a.score);
    }
    await showMore(s);
  }

  let timer;
  // an index that cannot be loaded (a broken upload, the network gone) is said where
  // results are announced, not only in the console
  const failed = (error) => { status.textContent = `${label("failed")}: ${error}`; };
  const start = () => { run().catch(failed); };
  form.addEventListener("submit", (event) => { event.preventDefault(); start(); });
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(start, 250); });
  form.addEventListener("change", () => { clearTimeout(timer); start(); });
  more.addEventListener("click", () => search && showMore(search).catch(failed));
  more.textContent = label("more");
  await run().catch(failed);
}

main().catch((error) => {
  root.append(el("p", { class: "error" }, String(error)));
});
