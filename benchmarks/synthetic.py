"""Synthetic daily-paper digests in the real Markdown format, for benchmarks.

The real digests (../shared/corpus) may not be copied into the repository and are far too
few to measure bulk import, so benchmarks generate look-alikes: same line layout, same
mix of media, vote and author variants, Korean+English bullets of realistic length, and
papers that come back in a later digest (the importer's update path). Generation is
seeded, so a given set of parameters always gives byte-identical files; `cached_corpus`
keeps them under `benchmarks/.cache/` so reruns skip the (tens of seconds of) writing.
"""

import datetime as dt
import random
import shutil
from collections import deque
from dataclasses import dataclass
from pathlib import Path

# Bump when the output changes, so stale caches are not reused.
GENERATOR_VERSION = 2
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
START_DATE = dt.date(1992, 1, 1)  # a day a digest may be of (arXiv began in August 1991)

VIDEO_RATE = 0.05
NO_VOTE_RATE = 0.03
TRUNCATED_AUTHORS_RATE = 0.04
PYTHON_LIST_AUTHORS_RATE = 0.30
REAPPEAR_RATE = 0.10
REAPPEAR_WINDOW = 30  # a paper comes back within this many digests
_COMPLETE = "COMPLETE"  # written last: a folder without it is a crashed generation


def _words(text: str) -> tuple[str, ...]:
    """The word pools below, written as prose so they stay readable."""
    return tuple(text.split())


_BULLET_KEYS = (
    "What's New",
    "Technical Details",
    "Performance Highlights",
    "Limitations",
    "Applications",
    "Key Findings",
)
_KOREAN = _words(
    "이 논문에서는 새로운 방법을 제안합니다 모델의 성능을 크게 향상시킵니다 실험 결과 기존 "
    "접근법보다 우수한 정확도를 보였습니다 대규모 언어 모델 학습 데이터셋 평가 벤치마크에서 "
    "효율적인 구조를 통해 추론 속도와 메모리 사용량을 줄였습니다 다양한 작업에서 일관된 "
    "개선을 확인했으며 향후 연구를 위한 기반을 제공합니다 연구진은 오픈 소스로 공개하여 "
    "재현성을 높였습니다 이미지 생성 비디오 이해 음성 인식 로봇 제어 강화 학습 멀티모달 "
    "정렬 문제를 해결하기 위해 단계별 추론과 검증 과정을 결합하였습니다"
)
_ENGLISH = _words(
    "Transformer LLM GPT-4o Diffusion RLHF LoRA MoE Attention KV-cache Benchmark MMLU "
    "GSM8K HumanEval Vision-Language Chain-of-Thought Fine-tuning Pre-training Tokenizer "
    "Gaussian-Splatting NeRF Agent Retrieval RAG Embedding Quantization Distillation "
    "Reward-Model DPO PPO Scaling-Law Long-Context State-Space Mamba ViT CLIP SAM"
)
_TITLE_WORDS = _words(
    "Scaling Efficient Learning Language Models Vision Reasoning Diffusion Agents Long "
    "Context Video Generation Towards Robust Multimodal Alignment Retrieval Sparse Fast "
    "Unified Benchmark Instruction Tuning Self-Supervised Latent Reward Policy Memory "
    "Transformers Attention Mixture Experts Open Foundation Zero-Shot Planning Editing"
)
_FIRST_NAMES = _words(
    "Wei Jian Yuxuan Minho Jiwoo Seojun Anna Maria John David Sarah Michael Priya Arjun "
    "Hiroshi Yuki Lucas Sofia Mateo Elena Omar Fatima Chen Hao Xin Daniel Laura Pierre "
    "Kateřina Jürgen Zoë Sean Julian Mei Tao Ravi Ngozi Ivan Olga Tomás"
)
_LAST_NAMES = _words(
    "Wang Li Zhang Liu Chen Yang Kim Lee Park Choi Smith Johnson Brown Garcia Müller "
    "Schmidt Tanaka Suzuki Sato Singh Patel Kumar Rossi Dubois Novak Ivanov O'Brien "
    "Nguyen Tran Hernández López Rocktäschel Silva Costa Andersson Cohen Levi Okafor"
)


@dataclass(slots=True, eq=False)  # identity: `in` checks the same object
class _Paper:
    """A generated paper, kept while it may still re-appear in a later digest."""

    arxiv_id: str
    title: str
    authors: list[str]
    votes: int
    media: str
    reappeared: bool = False


class _Generator:
    """The seeded state of one corpus: the random stream, an id counter, recent papers."""

    def __init__(self, seed: int, entries_per_digest: int) -> None:
        self.rng = random.Random(seed)
        self.entries_per_digest = entries_per_digest
        self.next_serial = 0
        self.recent: deque[list[_Paper]] = deque(maxlen=REAPPEAR_WINDOW)

    def digest(self, date: dt.date) -> str:
        """One digest file's text; ~10% of its entries are papers from recent digests."""
        count = self.entries_per_digest
        returning = round(count * REAPPEAR_RATE) if self.recent else 0
        slots = set(self.rng.sample(range(count), returning))
        papers: list[_Paper] = []
        parts = [f"## Daily Papers ({date.isoformat()})\n\n"]
        for slot in range(count):
            paper = self._returning_paper(papers) if slot in slots else None
            if paper is None:
                paper = self._new_paper()
                parts.append(self._entry(paper, first=True))
            else:
                parts.append(self._entry(paper, first=False))
            papers.append(paper)
        self.recent.append(papers)
        return "".join(parts)

    def _returning_paper(self, today: list[_Paper]) -> _Paper | None:
        """A recent paper not yet seen twice and not already in today's digest."""
        for _ in range(8):
            paper = self.rng.choice(self.rng.choice(self.recent))
            if not paper.reappeared and paper not in today:
                paper.reappeared = True
                paper.votes += self.rng.randint(0, 40)
                return paper
        return None

    def _new_paper(self) -> _Paper:
        rng = self.rng
        serial = self.next_serial
        self.next_serial += 1
        arxiv_id = f"{1001 + serial // 100_000:04d}.{serial % 100_000:05d}"
        return _Paper(
            arxiv_id=arxiv_id,
            title=self._title(),
            authors=self._authors(),
            votes=int(rng.expovariate(1 / 12)),
            media=self._media(arxiv_id),
        )

    def _title(self) -> str:
        rng = self.rng
        words = rng.choices(_TITLE_WORDS, k=rng.randint(5, 13))
        if rng.random() < 0.4:  # "Name: what it does", as many real titles read
            return f"{rng.choice(_TITLE_WORDS)}{rng.randint(1, 9)}: {' '.join(words)}"
        return " ".join(words)

    def _authors(self) -> list[str]:
        rng = self.rng
        count = rng.randint(40, 120) if rng.random() < 0.02 else rng.randint(1, 14)
        return [f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}" for _ in range(count)]

    def _media(self, arxiv_id: str) -> str:
        """An image line, or ~5% of the time the two-line video form."""
        rng = self.rng
        if rng.random() >= VIDEO_RATE:
            return f"![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/{arxiv_id}.png)"
        url = (
            "https://cdn-uploads.huggingface.co/production/uploads/"
            f"{rng.getrandbits(96):024x}/{rng.getrandbits(64):016x}.mp4"
        )
        return (
            f'[Watch Video]({url})\n<div><video controls src="{url}" muted="false"></video></div>'
        )

    def _entry(self, paper: _Paper, *, first: bool) -> str:
        """One entry; a paper's first listing may cut its authors short (' +')."""
        rng = self.rng
        vote = "-" if rng.random() < NO_VOTE_RATE else str(paper.votes)
        lines = [
            f"### [{paper.title}](https://arxiv.org/abs/{paper.arxiv_id})",
            paper.media,
            f"Vote: {vote}",
            f"Authors: {self._author_line(paper.authors, may_truncate=first)}",
            "\n".join(self._bullets()),
        ]
        return "\n\n".join(lines) + "\n\n"

    def _author_line(self, authors: list[str], *, may_truncate: bool) -> str:
        rng = self.rng
        if may_truncate and len(authors) > 3 and rng.random() < TRUNCATED_AUTHORS_RATE:
            return ", ".join(authors[: rng.randint(2, len(authors) - 1)]) + ", +"
        if rng.random() < PYTHON_LIST_AUTHORS_RATE:
            return str(authors)  # Python's list repr, as the later real digests have it
        return ", ".join(authors)

    def _bullets(self) -> list[str]:
        """3-6 bullets, keyed (`***What's New***:` or `**…**:`) or plain, 150-300 chars."""
        rng = self.rng
        style = rng.random()
        bullets = []
        for key in _BULLET_KEYS[: rng.randint(3, 6)]:
            text = self._sentence(rng.randint(150, 300))
            if style < 0.7:
                bullets.append(f"- ***{key}***: {text}")
            elif style < 0.85:
                bullets.append(f"- **{key}**: {text}")
            else:
                bullets.append(f"- {text}")
        return bullets

    def _sentence(self, length: int) -> str:
        """Korean prose with ~1 English term in 4 words, cut at a word near `length`."""
        rng = self.rng
        words = rng.choices(_KOREAN, k=length // 3)
        for index in range(0, len(words), 4):
            words[index] = rng.choice(_ENGLISH)
        text = " ".join(words)
        cut = text.rfind(" ", 0, length)
        return (text[:cut] if cut > 0 else text) + "."


def digest_name(date: dt.date) -> str:
    """The file name for a day, in the shape of the real repository's paths."""
    return f"paper_logs__{date.year:04d}__{date.month:02d}__{date.day:02d}.md"


def write_corpus(folder: Path, digests: int, entries_per_digest: int, seed: int = 0) -> list[Path]:
    """Write `digests` digest files, one per day from `START_DATE`, into `folder`.

    Each holds `entries_per_digest` entries; from the second digest on, ~10% of them are
    papers from the previous `REAPPEAR_WINDOW` digests, so there are about 10% fewer
    papers than entries. Returns the files in date order.
    """
    folder.mkdir(parents=True, exist_ok=True)
    generator = _Generator(seed, entries_per_digest)
    paths: list[Path] = []
    for day in range(digests):
        date = START_DATE + dt.timedelta(days=day)
        path = folder / digest_name(date)
        path.write_bytes(generator.digest(date).encode("utf-8"))
        paths.append(path)
    return paths


def cached_corpus(
    digests: int, entries_per_digest: int, seed: int = 0, cache_dir: Path = CACHE_DIR
) -> Path:
    """The folder of a corpus with these parameters, generated on first use only.

    Generation goes to a `.partial` folder renamed at the end, so an interrupted run
    never leaves a half corpus that a later run would take as complete.
    """
    name = f"corpus-v{GENERATOR_VERSION}-d{digests}-e{entries_per_digest}-s{seed}"
    folder = cache_dir / name
    if (folder / _COMPLETE).is_file():
        return folder
    partial = cache_dir / f"{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    write_corpus(partial, digests, entries_per_digest, seed)
    (partial / _COMPLETE).write_text("generated by benchmarks/synthetic.py\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder
