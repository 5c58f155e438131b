"""``fulcrum serve``: the dashboard and JSON API over the database (see docs/dashboard.md)."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback needs a token for writes.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
        token: Annotated[str | None, typer.Option(envvar="FULCRUM_TOKEN", help="Token for the write endpoints (generated when listening beyond loopback).")] = None,
        read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only; ingest from the page is disabled.")] = False,
        max_upload_mb: Annotated[float, typer.Option(min=0.1, max=4096, help="Largest upload accepted, in MB.")] = 20,
    ) -> None:
        """Serve the dashboard and JSON API (http://127.0.0.1:8000 by default)."""
        import uvicorn

        from fulcrum.cli import err, fail, state
        from fulcrum.errors import FulcrumError
        from fulcrum.serve import create_app
        from fulcrum.serve.security import is_loopback
        from fulcrum.store import default_db_path

        db = state.db if state.db is not None else default_db_path()
        try:
            web = create_app(db, host=host, token=token, read_only=read_only, max_upload_mb=max_upload_mb)
        except FulcrumError as exc:
            raise fail(str(exc)) from None
        shown = f"[{host}]" if ":" in host else host
        err.print(f"fulcrum serve: {db} on http://{shown}:{port}/  (API docs: /docs)")
        if web.state.token is not None:
            err.print(f"write token: {web.state.token}" + ("" if token else "  (generated; set --token or "
                                                            "FULCRUM_TOKEN to choose one)"))
        if not is_loopback(host):
            err.print("warning: listening beyond loopback; anyone who can reach this address can read the data.")
        uvicorn.run(web, host=host, port=port, log_level="warning")
