"""servicegap: KPIs, the delivery gap and significance tests for customer-service exports.

Importing the package sets one allocator option before pyarrow is loaded (nothing imports
pyarrow before this package in the app, the CLI or the benchmarks): Arrow's default allocator,
mimalloc, otherwise keeps freed pages counted against the process for a while, and a large
upload frees and allocates hundreds of megabytes within a second (raw text, cleaned text,
parsed columns). Returning freed pages at once brought the peak of a 1M-ticket load from about
6x to about 5x the file at no measurable cost in time (bench/README.md). A value already set
in the environment wins.
"""

import os

os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")
