"""Extraction: pipeline components that turn an Article's text into events, claims and provenance."""

from fulcrum.extract.pipeline import DEFAULT_COMPONENTS, PIPELINE_VERSION, Pipeline, default_pipeline

__all__ = ["DEFAULT_COMPONENTS", "PIPELINE_VERSION", "Pipeline", "default_pipeline"]
