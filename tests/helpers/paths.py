"""Where the tests find the repository, their fixtures and the shared corpus, from any folder."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "daily_papers_ko"
