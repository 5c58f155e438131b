"""Documentation tests: every CLI command and every output field is documented."""

from __future__ import annotations

import re
from pathlib import Path

from fulcrum.cli import app
from fulcrum.records import CLAIM_FIELDS, EVENT_FIELDS

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_every_command_is_documented():
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^## `fulcrum ([\w-]+)", doc, flags=re.M))
    missing = [c for c in _commands() if c not in documented]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_output_field_is_documented():
    doc = (REPO / "docs" / "output-formats.md").read_text(encoding="utf-8")
    events_part, claims_part = doc.split("## Claim fields")
    for f in EVENT_FIELDS:
        assert f"`{f}`" in events_part, f"event field {f} is not in docs/output-formats.md"
    for f in CLAIM_FIELDS:
        assert f"`{f}`" in claims_part, f"claim field {f} is not in docs/output-formats.md"


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    test_cmds = [line for b in blocks for line in b.splitlines() if "pytest" in line and not line.startswith("#")]
    assert test_cmds, "the README gives no test command"
    assert test_cmds[0].strip() in ci, "the README's test command is not what .ci/run runs"


def test_python_api_page_runs(tmp_path, monkeypatch):
    """Every python block of docs/python-api.md runs, in order, in an empty folder."""
    page = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "docs/python-api.md", "exec"), namespace)  # noqa: S102
    assert (tmp_path / "report" / "index.html").exists()
