"""The seeded corpus: ~1,200-word articles with headings, lists, links and one checklist each,
and a copy with the checklists as plain Markdown for vanilla Pelican."""

import random
import re
import shutil
from pathlib import Path

from . import CONTENT

SEED = 1200
WORDS_PER_ARTICLE = 1200

WORDS = """
trust partner partners couple couples talk talking listen listening feel feeling feelings
small moment moments day days week weeks home work time together apart close closer
kind careful gentle honest open plain calm safe safety worry worries fear hope hopes hurt
repair rebuild slow steady simple clear real often rarely sometimes again every each
notice noticing sense share sharing secret promise promises keep kept turn toward away
question answer answers story stories change changes choice choices habit habits small
quiet loud fight fights argue conflict peace space room evening morning night phone
message messages money chores children friends family parents plans future past memory
word words voice tone face hands touch warmth distance walls bridge path step steps
learn learning grow growing try trying start begin end hold holding let letting go
""".split()
TAGS = ["trust", "repair", "communication", "everyday moments", "conflict", "feelings", "gottman",
        "anxiety", "honesty", "therapy", "rituals", "boundaries", "safety", "transparency",
        "infidelity", "emotional neglect", "pursue-withdraw", "story", "forgiveness", "money",
        "parenting", "family", "work stress", "intimacy", "listening", "apology", "jealousy",
        "distance", "routines", "hope"]
CATEGORIES = ["Understanding trust", "The impact", "Repair and rebuilding"]


CONTRACTIONS = ["don't", "it's", "can't", "partner's", "you're", "we're", "isn't", "couple's"]


def sentence(rng, low=7, high=17, quotes=True):
    """A sentence; like the real articles, some have an apostrophe or a "quoted phrase"."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if quotes and rng.random() < 0.08:
        words[rng.randrange(len(words))] = rng.choice(CONTRACTIONS)
    if quotes and rng.random() < 0.12 and len(words) > 4:
        start = rng.randrange(1, len(words) - 3)
        words[start], words[start + 2] = '"' + words[start], words[start + 2] + '"'
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?")


def paragraph(rng, sentences=None):
    return " ".join(sentence(rng) for _ in range(sentences or rng.randint(2, 4)))


def title(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 6))]
    return (" ".join(words)).capitalize()


def checklist_block(rng, index, checklist):
    """One valid checklist (reflections covering every count), or the same words as plain Markdown."""
    count = rng.randint(4, 8)
    items = [f"{sentence(rng, 6, 12)[:-1]} (item {n + 1})." for n in range(count)]
    safety = rng.random() < 0.3
    middle = rng.randint(1, count - 1)
    ranges = ["0", f"1-{middle}" if middle > 1 else "1", f"{middle + 1}+"]
    reflections = [paragraph(rng, 2) for _ in ranges]
    question = f"{title(rng)}?"
    hint = sentence(rng, quotes=False)  # a YAML value
    if not checklist:
        lines = [f"**{question}** {hint}", ""]
        lines += [f"- {item}" for item in items] + [""]
        lines += [f"If you ticked {span}: {text}\n" for span, text in zip(ranges, reflections)]
        return "\n".join(lines)
    lines = [f"/// checklist | {question}", f"    id: check-{index}", f"    hint: {hint}"]
    if rng.random() < 0.3:
        lines.append("    notes: true")
    lines.append("")
    lines += [f"- [ ] {item}{' {.safety}' if safety and n == count - 1 else ''}" for n, item in enumerate(items)]
    for span, text in zip(ranges, reflections):
        lines += ["", f"//// reflection | {span}", text, "////"]
    lines += ["///", ""]
    return "\n".join(lines)


def article(rng, index, size, checklist):
    """One article of about WORDS_PER_ARTICLE words, as (file name, Markdown)."""
    slug = f"bench-article-{index:04d}"
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    tags = rng.sample(TAGS[:8], 1) + rng.sample(TAGS[8:], rng.randint(1, 3))
    lines = [
        f"Title: {title(rng)} {index}",
        f"Date: 2025-{month:02d}-{day:02d}",
        f"Modified: 2026-{month:02d}-{day:02d}",
        f"Category: {CATEGORIES[index * len(CATEGORIES) // size]}",
        f"Tags: {', '.join(tags)}",
        f"Slug: {slug}",
        f"Step: {index + 1}",
        f"Summary: {sentence(rng)} {sentence(rng)}",
        "",
    ]
    body = [paragraph(rng)]
    sections = 5
    checklist_at = rng.randrange(1, sections)
    for section in range(sections):
        body.append(f"## {title(rng)}")
        body.append(paragraph(rng))
        if section % 2 == 0:
            body.append("\n".join(f"- {sentence(rng, 5, 12)}" for _ in range(rng.randint(3, 5))))
        else:
            body.append("\n".join(f"{n + 1}. {sentence(rng, 5, 12)}" for n in range(rng.randint(3, 4))))
        other = rng.randrange(size)
        link = f"[{' '.join(rng.choice(WORDS) for _ in range(3))}]({{filename}}/articles/{other:04d}-bench-article-{other:04d}.md)"
        body.append(f"{paragraph(rng, 2)} You can read more in {link}. *{sentence(rng)}* **{sentence(rng)}**")
        if section == checklist_at:
            body.append(checklist_block(rng, index, checklist))
        if section == 3:
            body.append(f"### {title(rng)}")
        body.append(paragraph(rng))
    words = sum(len(part.split()) for part in body)
    while words < WORDS_PER_ARTICLE:
        extra = paragraph(rng)
        body.append(extra)
        words += len(extra.split())
    return f"{index:04d}-{slug}.md", "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def write_corpus(root, size, seed=SEED):
    """Write `size` articles twice: root/ours (checklists) and root/vanilla (plain Markdown).

    The same seed gives byte-identical files, so every run and every machine builds the
    same corpus. Returns (ours, vanilla) content directories.
    """
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    dirs = {}
    for flavour, checklist in (("ours", True), ("vanilla", False)):
        content = root / flavour
        (content / "articles").mkdir(parents=True)
        (content / "pages").mkdir()
        for index in range(size):
            rng = random.Random(f"{seed}:{index}")
            name, text = article(rng, index, size, checklist)
            (content / "articles" / name).write_text(text, encoding="utf-8")
        for page in sorted((CONTENT / "pages").glob("*.md")):
            text = page.read_text(encoding="utf-8")
            if not checklist:  # the default theme has none of our page templates
                text = re.sub(r"(?m)^Template: .*\n", "", text)
            (content / "pages" / page.name).write_text(text, encoding="utf-8")
        if checklist:  # the rest of the real site's content (robots.txt template, images)
            for extra in sorted(CONTENT.iterdir()):
                if extra.is_dir() and extra.name not in ("articles", "pages"):
                    shutil.copytree(extra, content / extra.name)
        dirs[flavour] = content
    return dirs["ours"], dirs["vanilla"]


