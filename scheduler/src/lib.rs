//! Exploration drivers for emlab (random, pct, dfs, loom, os). Filled in by the checker issue.
