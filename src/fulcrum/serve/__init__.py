"""The dashboard and JSON API over a fulcrum store: ``fulcrum serve`` (see docs/dashboard.md)."""

from fulcrum.serve.app import PAGES, create_app

__all__ = ["PAGES", "create_app", "run"]


def run(db_path: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
        read_only: bool = False, max_upload_mb: float = 20, log_level: str = "info") -> None:
    """Serve the dashboard with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db_path, host=host, token=token, read_only=read_only, max_upload_mb=max_upload_mb)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
