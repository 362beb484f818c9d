"""Hosting apps in the shell: what an app's QML is handed (app_context.py)."""

from headunit.qt.apps.app_context import AppContext, context_for, granted_store_names

__all__ = ["AppContext", "context_for", "granted_store_names"]
