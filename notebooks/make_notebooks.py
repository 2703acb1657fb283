"""Write the notebooks of this folder, without outputs: ``python notebooks/make_notebooks.py``.

The notebooks are generated so that their code stays reviewable as Python and
their JSON stays free of outputs and execution counts; ``tests/test_notebooks.py``
runs each one and checks that the stored files carry no outputs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = '''\
import html
import subprocess
import sys
import tempfile
from pathlib import Path

from IPython.display import HTML, display

import kg

REPO = Path(kg.__file__).resolve().parent.parent
CORPUS = REPO / "data" / "corpus"
GOLD = REPO / "data" / "gold" / "seeds.json"
WORK = Path(tempfile.mkdtemp(prefix="kg-notebook-"))
print("python:", sys.executable)
print("kg", kg.__version__, "from", REPO)
print("working folder:", WORK)


def table(headers, rows, limit=None):
    """Show rows as a small HTML table (pandas is not needed)."""
    rows = list(rows)
    shown = rows if limit is None else rows[:limit]
    cell = "<td style='text-align:left;vertical-align:top'>{}</td>".format
    head = "".join(f"<th style='text-align:left'>{html.escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(html.escape(str(c))) for c in row) + "</tr>" for row in shown)
    more = f"<p>… and {len(rows) - len(shown)} more rows</p>" if len(shown) < len(rows) else ""
    display(HTML(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"))


def build(corpus, out):
    """Run ``kg build CORPUS --out OUT`` with this kernel's Python; return the graph file."""
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out)], capture_output=True, text=True
    )
    print(proc.stdout[-1500:], proc.stderr[-1500:], sep="\\n")
    if proc.returncode != 0:
        raise RuntimeError(f"kg build exited {proc.returncode}; see the messages above")
    return Path(out) / "graph.ttl"
'''

REUSE = """\
import os

# KG_NOTEBOOK_BUILD may name a folder already built from data/corpus (the tests set it) to save a build.
prebuilt = os.environ.get("KG_NOTEBOOK_BUILD")
GRAPH = Path(prebuilt) / "graph.ttl" if prebuilt else build(CORPUS, WORK / "build")
print("graph:", GRAPH)
"""


def notebook(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """Make a notebook from ``(kind, source)`` pairs, with stable cell ids and the python3 kernel."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, (kind, source) in enumerate(cells):
        cell = new_markdown_cell(source) if kind == "md" else new_code_cell(source)
        cell["id"] = f"cell-{i:02d}"
        nb.cells.append(cell)
    return nb


BUILD_AND_EXPLORE = [
    (
        "md",
        """\
# 01 — Build the bundled corpus and explore the graph

This notebook builds the five bundled articles (`data/corpus/`) into a knowledge graph with
`kg build`, then looks at it the way `kg stats` and `kg path` do: what is in it, which entities
are central, how it falls into communities, what each country and technology is connected to,
and how two entities are linked — every step with the sentence it was read from. It ends with
the interactive HTML view and a score against the gold annotations of `data/gold/seeds.json`.

Everything is written to a temporary folder; nothing in the repository changes.""",
    ),
    ("code", SETUP),
    ("md", "## Build\n\n`kg build` reads the corpus folder and writes `graph.ttl`, `graph.html` and `report.json`."),
    (
        "code",
        """\
OUT = WORK / "build"
GRAPH = build(CORPUS, OUT)
sorted(p.name for p in OUT.iterdir())""",
    ),
    (
        "code",
        """\
from kg.analytics import graph_stats, load_graph

graph = load_graph(GRAPH)
stats = graph_stats(graph, top=10)
table(["measure", "count"], stats["summary"].items())""",
    ),
    ("md", "## What is in the graph"),
    (
        "code",
        """\
table(["class", "entities"], stats["classes"].items())
table(["property", "relations"], stats["properties"].items())""",
    ),
    (
        "md",
        """\
## Central entities

Degree counts the distinct entities an entity is related to; PageRank and betweenness are
computed on the same undirected graph of relations.""",
    ),
    (
        "code",
        """\
top = stats["top"]
table(["#", "entity", "class", "degree", "relations"],
      [(i, e["label"], e["class"], e["degree"], e["relations"]) for i, e in enumerate(top["degree"], 1)])
for measure in ("pagerank", "betweenness"):
    print(measure)
    table(["#", "entity", "class", "score"],
          [(i, e["label"], e["class"], round(e["score"], 4)) for i, e in enumerate(top[measure], 1)])""",
    ),
    ("md", "## Components and communities (Louvain, fixed seed)"),
    (
        "code",
        """\
comp, comm = stats["components"], stats["communities"]
print(f"{comp['count']} connected components, sizes {comp['sizes']}")
print("entities with no relation:", ", ".join(e["label"] for e in comp["isolated"]) or "none")
print(f"{comm['count']} communities, modularity {comm['modularity']}")
table(["size", "hub", "members"],
      [(c["size"], c["hub"]["label"], ", ".join(m["label"] for m in c["members"]))
       for c in comm["communities"] if c["size"] > 1])""",
    ),
    ("md", "## Per country and per technology"),
    (
        "code",
        """\
def grouped(by_class):
    return "; ".join(f"{cls}: {', '.join(e['label'] for e in refs)}" for cls, refs in by_class.items())

table(["country", "entities", "by class", "cooperates with"],
      [(c["label"], c["count"], grouped(c["by_class"]), ", ".join(e["label"] for e in c["cooperates_with"]))
       for c in stats["countries"]])
table(["technology", "concerned by", "by class"],
      [(t["label"], t["count"], grouped(t["by_class"])) for t in stats["technologies"]])""",
    ),
    (
        "md",
        """\
## How are two entities connected?

`shortest_paths` searches the relations in either direction but reports each one as the
graph states it, with its evidence: the same as `kg path GRAPH Soramitsu MetaBank`.""",
    ),
    (
        "code",
        """\
from kg.analytics import shortest_paths
from kg.errors import KgError
from kg.graph import to_networkx

G = to_networkx(graph)
try:
    paths = shortest_paths(G, "Soramitsu", "MetaBank", max_paths=2)
except KgError as e:
    print("cannot look for a path:", e)
    paths = []
for i, path in enumerate(paths, 1):
    print(f"Path {i}")
    for step in path:
        print("  " + step.arrow())
        print(f"      “{step.sentence}” — article {step.article}")
if not paths:
    print("no chain of relations found")""",
    ),
    (
        "md",
        """\
## The interactive view

`kg.view.write_html` writes a self-contained page (no network needed); it is shown inline here.""",
    ),
    (
        "code",
        """\
import warnings

try:
    from kg.view import write_html
except ImportError as e:
    print(f"The HTML view is not available in this installation of kg ({e}).")
else:
    page = WORK / "view.html"
    write_html(graph, page)
    print("wrote", page)
    # srcdoc embeds the page itself, so it shows without a server; IFrame(src=...) would need the
    # temporary file to be served by Jupyter, hence HTML, and IPython's hint about IFrame is silenced.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        display(HTML(f'<iframe srcdoc="{html.escape(page.read_text(encoding="utf-8"), quote=True)}" '
                     'width="100%" height="650" style="border:1px solid #ccc"></iframe>'))""",
    ),
    (
        "md",
        """\
## How good is the extraction?

`kg.evaluate.score` compares the graph with the gold annotations of the bundled corpus, with the
same measures as `kg evaluate data/gold/seeds.json GRAPH`.""",
    ),
    (
        "code",
        """\
from kg.evaluate import load_gold, score

result = score(load_gold(GOLD), graph)
table(["", "precision", "recall", "F1", "tp", "fp", "fn"],
      [(name, r["precision"], r["recall"], r["f1"], r["tp"], r["fp"], r["fn"])
       for name in ("entities", "relations") for r in [result[name]]])
print("evidence coverage:", result["evidence_coverage"], "| duplicate nodes:", result["duplicate_nodes"])
for key in ("missed_entities", "spurious_entities", "missed_relations", "spurious_relations"):
    items = result[key]
    print(f"{key.replace('_', ' ')} ({len(items)}):", "; ".join(map(str, items[:15])) + (" …" if len(items) > 15 else ""))""",
    ),
]

SPARQL_QUESTIONS = [
    (
        "md",
        """\
# 02 — Ask the graph questions in SPARQL

The named competency questions of the ontology live in `ontology/queries/*.rq`, each a
SPARQL query whose first comment line says what it asks. This notebook runs every one of
them with rdflib against the graph of the bundled corpus and shows the answers as tables,
then asks one question of its own.""",
    ),
    ("code", SETUP),
    ("code", REUSE),
    (
        "code",
        """\
from rdflib import URIRef

from kg.analytics import load_graph
from kg.vocab import MK_IRI, MKR_IRI

graph = load_graph(GRAPH)


def show(term):
    \"\"\"A readable cell: kg's IRIs as mkr:/mk: names, literals as their text.\"\"\"
    if term is None:
        return ""
    for prefix, iri in (("mkr:", MKR_IRI), ("mk:", MK_IRI)):
        if isinstance(term, URIRef) and str(term).startswith(iri):
            return prefix + str(term)[len(iri) :]
    return str(term)


def answer(sparql, limit=20):
    result = graph.query(sparql)
    if result.type == "ASK":
        print(result.askAnswer)
        return
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        table(["subject", "predicate", "object"], [[show(t) for t in triple] for triple in result], limit)
        return
    names = [str(v) for v in result.vars]
    rows = [[show(row[v]) for v in names] for row in result]
    print(f"{len(rows)} rows")
    table(names, rows, limit)""",
    ),
    ("md", "## The named queries"),
    (
        "code",
        """\
queries = sorted((REPO / "ontology" / "queries").glob("*.rq"))
print(f"{len(queries)} named queries:", ", ".join(q.stem for q in queries) or "none yet")
for path in queries:
    text = path.read_text(encoding="utf-8")
    question = next((line.lstrip("# ").strip() for line in text.splitlines() if line.strip()), path.stem)
    display(HTML(f"<h3>{html.escape(path.stem)}</h3><p>{html.escape(question)}</p>"))
    answer(text)""",
    ),
    (
        "md",
        """\
## A question of our own

Which organisations are partners, and in which sentence did the graph read it? Every relation
has evidence records (`rdf:Statement`s) pointing back to the article.""",
    ),
    (
        "code",
        """\
answer('''
PREFIX rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX mk:   <https://w3id.org/mekong-kg/ontology#>
SELECT ?a ?b ?sentence ?article WHERE {
  ?x mk:partner ?y .
  ?x rdfs:label ?a . ?y rdfs:label ?b .
  ?ev rdf:subject ?x ; rdf:predicate mk:partner ; rdf:object ?y ;
      mk:sentence ?sentence ; prov:wasDerivedFrom ?article .
}
ORDER BY ?a ?b ?article
''')""",
    ),
    (
        "code",
        """\
# How many entities of each class does each article mention?
answer('''
PREFIX mk: <https://w3id.org/mekong-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?title ?class (COUNT(DISTINCT ?e) AS ?entities) WHERE {
  ?e mk:mentionedIn ?article ; a ?class .
  ?article dcterms:title ?title .
  FILTER(STRSTARTS(STR(?class), STR(mk:)))
}
GROUP BY ?title ?class
ORDER BY ?title DESC(?entities) ?class
''', limit=40)""",
    ),
]

ADD_ARTICLES = [
    (
        "md",
        """\
# 03 — Add your own articles

A corpus is just a folder of article files (`.txt`, `.html`, `.md` …), each optionally with a
`NAME.meta.json` sidecar giving its title, language, date and publisher. This notebook copies
the bundled corpus, adds one new article, rebuilds, and shows what the new article brought:
new entities, new relations (with their evidence), and entities the graph already knew that
the article mentions again.

**The added article is invented for this demonstration** — a plausible news story about a
Cambodian ministry signing an MoU with a (fictional) technology company. It is not real news.""",
    ),
    ("code", SETUP),
    (
        "code",
        """\
import json
import shutil

corpus = WORK / "corpus"
shutil.copytree(CORPUS, corpus)

paragraphs = [
    "Cambodia's telecom ministry signs MoU with Angkor Digital Labs on blockchain services",
    "Phnom Penh – The Ministry of Post and Telecommunications of Cambodia signed a memorandum of understanding "
    "with Angkor Digital Labs on Thursday to develop blockchain-based services for e-government and digital payments.",
    "Under the agreement, Angkor Digital Labs will help the ministry pilot a digital identity platform and connect it "
    "to KHQR, the national QR code payment standard of the National Bank of Cambodia.",
    "The two sides will also train civil servants in artificial intelligence and cloud computing, "
    "the ministry said in a statement.",
    "The cooperation supports the Cambodia Digital Economy and Society Policy Framework 2021-2035, "
    "which the Royal Government of Cambodia adopted in 2021.",
    "Angkor Digital Labs, a Phnom Penh-based company founded in 2019, said the first services would be tested "
    "in Phnom Penh and Siem Reap before the end of the year.",
]
article = "\\n\\n".join(paragraphs) + "\\n"
(corpus / "005_kh_mptc_mou.txt").write_text(article, encoding="utf-8")
(corpus / "005_kh_mptc_mou.meta.json").write_text(json.dumps({
    "title": "Cambodia's telecom ministry signs MoU with Angkor Digital Labs on blockchain services",
    "lang": "en",
    "date": "2025-03-14",
    "publisher": "kg example (invented article)",
    "source": "005_kh_mptc_mou.txt",
}, indent=1), encoding="utf-8")
sorted(p.name for p in corpus.iterdir())""",
    ),
    ("md", "## Build before and after"),
    (
        "code",
        """\
import os

# KG_NOTEBOOK_BUILD may name a folder already built from data/corpus (the tests set it) to save a build.
prebuilt = os.environ.get("KG_NOTEBOOK_BUILD")
before_path = Path(prebuilt) / "graph.ttl" if prebuilt else build(CORPUS, WORK / "before")
after_path = build(corpus, WORK / "after")""",
    ),
    (
        "code",
        """\
from rdflib.compare import graph_diff, to_isomorphic

from kg.analytics import load_graph
from kg.graph import to_networkx

before, after = load_graph(before_path), load_graph(after_path)
in_both, only_before, only_after = graph_diff(to_isomorphic(before), to_isomorphic(after))
print(f"triples: {len(before)} before, {len(after)} after; {len(only_after)} added, {len(only_before)} removed")
G0, G1 = to_networkx(before), to_networkx(after)
print(f"entities: {G0.number_of_nodes()} -> {G1.number_of_nodes()}")
print(f"relations: {G0.number_of_edges()} -> {G1.number_of_edges()}")""",
    ),
    ("md", "## New entities"),
    (
        "code",
        """\
new_nodes = sorted(set(G1) - set(G0), key=lambda n: (G1.nodes[n]["cls"], G1.nodes[n]["label"].casefold()))
table(["class", "label", "other labels"],
      [(G1.nodes[n]["cls"], G1.nodes[n]["label"],
        ", ".join(sorted({f for forms in G1.nodes[n]["labels"].values() for f in forms} - {G1.nodes[n]["label"]})))
       for n in new_nodes])""",
    ),
    ("md", "## New relations, with the sentence each was read from"),
    (
        "code",
        """\
def relations(G):
    return {(s, key, o): data for s, o, key, data in G.edges(keys=True, data=True)}

old, new = relations(G0), relations(G1)
added = sorted(set(new) - set(old), key=lambda t: (G1.nodes[t[0]]["label"].casefold(), t[1], G1.nodes[t[2]]["label"].casefold()))
table(["subject", "property", "object", "evidence"],
      [(G1.nodes[s]["label"], p, G1.nodes[o]["label"], " | ".join(e["sentence"] for e in new[(s, p, o)]["evidence"]))
       for s, p, o in added])
print(f"{len(added)} relations added, {len(set(old) - set(new))} removed")""",
    ),
    ("md", "## Entities the graph already knew, now also mentioned in the new article"),
    (
        "code",
        """\
table(["class", "label", "articles before", "articles after"],
      [(G1.nodes[n]["cls"], G1.nodes[n]["label"], len(G0.nodes[n]["articles"]), len(G1.nodes[n]["articles"]))
       for n in sorted(set(G0) & set(G1), key=lambda n: G1.nodes[n]["label"].casefold())
       if "005_kh_mptc_mou" in G1.nodes[n]["articles"]])""",
    ),
    (
        "md",
        "## What Cambodia is connected to now\n\nThe per-country summary of `kg stats`, before and after.",
    ),
    (
        "code",
        """\
from kg.analytics import graph_stats


def cambodia(graph):
    for country in graph_stats(graph)["countries"]:
        if country["label"] in ("Cambodia", "Kingdom of Cambodia"):
            return country
    return None

for name, graph in (("before", before), ("after", after)):
    country = cambodia(graph)
    if country is None:
        print(name, ": no Cambodia in the graph")
        continue
    print(f"{name}: {country['count']} entities")
    for cls, refs in country["by_class"].items():
        print(f"   {cls}: {', '.join(e['label'] for e in refs)}")""",
    ),
]

NOTEBOOKS = {
    "01_build_and_explore.ipynb": BUILD_AND_EXPLORE,
    "02_sparql_questions.ipynb": SPARQL_QUESTIONS,
    "03_add_your_articles.ipynb": ADD_ARTICLES,
}


def main() -> None:
    """Write every notebook of :data:`NOTEBOOKS` beside this script, then let ruff format their code."""
    paths = []
    for name, cells in NOTEBOOKS.items():
        nb = notebook(cells)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        paths.append(HERE / name)
    ruff = Path(sys.executable).with_name("ruff")
    ruff_cmd = [str(ruff)] if ruff.exists() else [sys.executable, "-m", "ruff"]
    subprocess.run([*ruff_cmd, "format", "--quiet", *map(str, paths)], check=True)


if __name__ == "__main__":
    main()
