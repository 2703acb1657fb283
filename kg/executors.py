"""Where the per-article stage runs: this process, worker processes, or a Dask cluster.

:func:`run_per_article` cuts the articles into chunks (each chunk goes through
``nlp.pipe`` in batches inside one worker, which loads each language model
once) and yields each chunk's :class:`~kg.process.ProcessedArticle` list as it
completes, so the caller can cache results and move a progress bar. Every
executor returns the same records; only the order of completion differs.

- ``local`` with one worker: in this process, no start-up cost (small corpora).
- ``local`` with N workers: a ``concurrent.futures`` process pool (``spawn``,
  so no thread or lock state is inherited); each worker loads the models once.
- ``dask``: ``dask.distributed`` ``Client(scheduler)``; the cluster's workers
  need ``kg`` installed (same version, same models).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

from kg.errors import ConfigError
from kg.process import ProcessedArticle, process_articles
from kg.records import Article

EXECUTORS = ("local", "dask")

#: below this many articles to process, an automatic worker count stays in this process
PARALLEL_THRESHOLD = 100


def default_workers() -> int:
    """The machine's usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def resolve_workers(workers: int | None, n_articles: int) -> int:
    """The worker count to use: as asked, or (``None``) the cores when there is enough work to share."""
    if workers is not None:
        if workers < 1:
            raise ConfigError(f"--workers must be at least 1, not {workers}")
        return workers
    return default_workers() if n_articles >= PARALLEL_THRESHOLD else 1


def chunk(articles: list[Article], workers: int, *, max_size: int = 64) -> list[list[Article]]:
    """Cut articles into chunks of at most ``max_size``, at least two per worker when there is work."""
    if not articles:
        return []
    size = max(1, min(max_size, math.ceil(len(articles) / (2 * workers))))
    return [articles[i : i + size] for i in range(0, len(articles), size)]


def run_per_article(
    articles: list[Article],
    *,
    executor: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    gazetteer_kinds: frozenset[str] | None = None,
    batch_size: int = 32,
    timeout: float | None = None,
) -> Iterator[list[ProcessedArticle]]:
    """Run :func:`kg.process.process_articles` over ``articles``; yield each chunk's results as it completes.

    Args:
        articles: The articles to process.
        executor: ``local`` or ``dask``.
        workers: Worker processes for ``local`` (``None``: the cores, when the corpus is large enough).
        scheduler: Address of the Dask scheduler (``tcp://host:8786``) for ``dask``.
        gazetteer_kinds: Restrict curated knowledge to these kinds.
        batch_size: Texts per ``nlp.pipe`` batch inside a chunk.
        timeout: Seconds each article may take (see :func:`kg.process.process_articles`; Dask workers
            run tasks in threads, where no timer can interrupt them, so there it does not apply).

    Raises:
        ConfigError: On an unknown executor, a missing scheduler address, or a cluster that cannot be reached.
    """
    if executor not in EXECUTORS:
        raise ConfigError(f"unknown executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    if not articles:
        return
    if executor == "dask":
        yield from _run_dask(articles, scheduler, gazetteer_kinds, batch_size)
        return
    n = resolve_workers(workers, len(articles))
    if n == 1:
        for part in chunk(articles, 1):
            yield process_articles(part, gazetteer_kinds=gazetteer_kinds, batch_size=batch_size, timeout=timeout)
        return
    import multiprocessing

    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [
            pool.submit(process_articles, part, gazetteer_kinds=gazetteer_kinds, batch_size=batch_size, timeout=timeout)
            for part in chunk(articles, n)
        ]
        for future in as_completed(futures):
            yield future.result()


def _run_dask(
    articles: list[Article], scheduler: str | None, gazetteer_kinds: frozenset[str] | None, batch_size: int
) -> Iterator[list[ProcessedArticle]]:
    if not scheduler:
        raise ConfigError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_completed
    except ImportError as e:  # pragma: no cover - dask is a dependency
        raise ConfigError(f"--executor dask needs dask.distributed: {e}") from e
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
    try:
        workers = max(1, sum(client.nthreads().values()))
        parts = chunk(articles, workers)
        futures = client.map(process_articles, parts, gazetteer_kinds=gazetteer_kinds, batch_size=batch_size, pure=False)
        for _future, result in dask_completed(futures, with_results=True):
            yield result
    finally:
        client.close()
