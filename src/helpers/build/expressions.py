"""Inline expressions: the ``{eval}`` roles of markdown cells, evaluated when papermill reaches the
cell, as JupyterLab evaluates them when a reader runs it (with jupyterlab-myst).

A chapter's prose is written in markdown cells with its values inline: ``the sources date
{eval}`n_events` events``. In JupyterLab, jupyterlab-myst asks the kernel for each expression
when the cell is run and keeps the results in the cell's ``user_expressions`` metadata. The book
is executed by papermill, which runs code cells only; the engine defined here also evaluates
the expressions of each markdown cell, in the kernel's state at that cell, and stores them in the
same metadata. ``python -m helpers.build.expressions ARGS`` is papermill's command line with the
engine registered as ``helpers`` (the build runs ``… --engine helpers``). The staged book then
writes the values into the text (:func:`helpers.build.notebooks.normalize_executed`).

An expression that raises stops the chapter like a failing code cell: the error is kept in the
cell's metadata, where :func:`helpers.build.notebooks.find_failure` finds it.
"""

from __future__ import annotations

from typing import Any

from nbclient.util import run_sync
from nbformat import NotebookNode
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from helpers.build.inline import METADATA_KEY, inline_expressions
from helpers.build.kernels import ENGINE


class ExpressionError(RuntimeError):
    """An inline expression of a markdown cell raised; the chapter stops there."""


class ExpressionClient(PapermillNotebookClient):
    """Papermill's notebook client, which also evaluates the inline expressions of markdown
    cells when it reaches them."""

    async def async_execute_cell(
        self,
        cell: NotebookNode,
        cell_index: int,
        execution_count: int | None = None,
        store_history: bool = True,
    ) -> NotebookNode:
        """Execute a code cell; evaluate the inline expressions of a markdown cell."""
        if cell.cell_type == "markdown":
            await self._evaluate_expressions(cell, cell_index)
            return cell
        return await super().async_execute_cell(cell, cell_index, execution_count, store_history)

    execute_cell = run_sync(async_execute_cell)

    async def _evaluate_expressions(self, cell: NotebookNode, cell_index: int) -> None:
        expressions = inline_expressions(cell.source)
        cell.metadata.pop(METADATA_KEY, None)
        if not expressions or self.kc is None:
            return
        named = {str(i): expression for i, expression in enumerate(expressions)}
        msg_id = self.kc.execute(
            "", silent=True, store_history=False, user_expressions=named, allow_stdin=False
        )
        reply = await self.async_wait_for_reply(msg_id, cell)
        content: dict[str, Any] = (reply or {}).get("content", {})
        results = content.get("user_expressions", {})
        evaluated = []
        for key, expression in named.items():
            result = results.get(key) or {
                "status": "error",
                "ename": "ExpressionError",
                "evalue": f"the kernel returned no value for {expression!r}",
                "traceback": [],
            }
            evaluated.append({"expression": expression, "result": result})
        cell.metadata[METADATA_KEY] = evaluated
        failed = [e for e in evaluated if e["result"].get("status") != "ok"]
        if failed:
            first = failed[0]
            raise ExpressionError(
                f"markdown cell {cell_index}: {{eval}}`{first['expression']}` raised "
                f"{first['result'].get('ename', 'an error')}: {first['result'].get('evalue', '')}"
            )


class ExpressionEngine(NBClientEngine):
    """Papermill's nbclient engine with :class:`ExpressionClient`."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> NotebookNode:
        """Execute the notebook of ``nb_man`` in a kernel, as papermill's own engine does."""
        kwargs = remove_args(["input_path"], **kwargs)
        safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            safe_kwargs,
            timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        return ExpressionClient(nb_man, **final_kwargs).execute()


def main() -> None:
    """Papermill's command line, with :class:`ExpressionEngine` registered as ``helpers``."""
    from papermill.cli import papermill as command
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE, ExpressionEngine)
    command(prog_name="papermill")


if __name__ == "__main__":
    main()
