# The second held-out batch of our own stories (tests/news/fresh/README.md),
# checked as tests/cli/news_heldout.sh checks the first: the gold read back
# against itself, and dyad's precision and recall at the category +
# countries level not below the floors of tests/news/fresh/baseline.
NEWS_DIR=tests/news/fresh
. "$(dirname "$0")/news_heldout.sh"
