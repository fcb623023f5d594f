"""``python -m benchmarks``: run every case and print the tables."""

from __future__ import annotations

from .run import main

raise SystemExit(main())
