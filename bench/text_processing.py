"""Text processing: dict- and str-heavy word statistics over a synthetic text.

A deterministic text is generated with a tiny linear congruential generator
(words made of 1-3 syllables, sentences with capitals and punctuation, lines
of a few sentences).  It is then split into lines and words, normalized with
str methods, counted in a dict, sorted by frequency, grouped into anagram
classes, and summarized in a report whose checksum is printed.

Exercises: str concatenation and join, split/strip/lower/upper/capitalize/
replace/startswith/endswith/find/count/isalpha, slicing (including [::-1]),
f-strings, dict get/setdefault/items, sorted() with key functions and
lambda, tuple comparison, list append and comprehensions.

Usage: text_processing.py [WORDS | smoke]     (WORDS = words of text)
Prints counts, the most frequent words and a checksum of the report.
"""

import sys
import time

DEFAULT_WORDS = 1000000
SMOKE_WORDS = 2000

SYLLABLES = [
    "ka", "lo", "mi", "ne", "ru", "ta", "shi", "po",
    "ve", "zu", "an", "tor", "el", "quin", "dra", "ob",
    "is", "ma", "ten", "ro", "sa", "li", "um", "ge",
]
PUNCT = [",", ",", ";", ":"]
ENDINGS = [".", ".", ".", "!", "?"]


class Lcg(object):
    """Tiny LCG (glibc constants), 31-bit state."""

    def __init__(self, seed):
        self.state = seed & 0x7fffffff

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7fffffff
        return self.state

    def below(self, n):
        return (self.next() >> 8) % n


def make_word(rng):
    # Skewed choice: low syllable indexes are much more frequent.
    nsyl = 1 + rng.below(3)
    parts = []
    for _ in range(nsyl):
        a = rng.below(len(SYLLABLES))
        b = rng.below(len(SYLLABLES))
        parts.append(SYLLABLES[a * b // len(SYLLABLES)])
    return "".join(parts)


def make_text(nwords, seed):
    rng = Lcg(seed)
    lines = []
    line_parts = []
    sentence_len = 0
    sentence_target = 4 + rng.below(12)
    sentences_in_line = 0
    for i in range(nwords):
        w = make_word(rng)
        if sentence_len == 0:
            w = w.capitalize()
        sentence_len += 1
        if sentence_len >= sentence_target:
            w = w + ENDINGS[rng.below(len(ENDINGS))]
            sentence_len = 0
            sentence_target = 4 + rng.below(12)
            sentences_in_line += 1
        elif rng.below(9) == 0:
            w += PUNCT[rng.below(len(PUNCT))]
        line_parts.append(w)
        if sentences_in_line == 3:
            lines.append(" ".join(line_parts))
            line_parts = []
            sentences_in_line = 0
    if line_parts:
        lines.append(" ".join(line_parts))
    return "\n".join(lines)


def tokenize(text):
    words = []
    for line in text.split("\n"):
        for raw in line.split():
            w = raw.strip(".,;:!?").lower()
            if w:
                words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def anagram_groups(counts):
    groups = {}
    for w in counts:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(w)
    return groups


def sentence_stats(text):
    # Count sentences by their terminators and find the longest one.
    flat = text.replace("\n", " ")
    n_exclaim = flat.count("!")
    n_question = flat.count("?")
    n_period = flat.count(".")
    longest = 0
    for sentence in flat.replace("!", ".").replace("?", ".").split("."):
        n = len(sentence.split())
        if n > longest:
            longest = n
    return n_period, n_exclaim, n_question, longest


def str_hash(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000000007
    return h


def report(counts, groups, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    lines = []
    for rank, (word, n) in enumerate(ranked[:top]):
        flag = ""
        if word == word[::-1]:
            flag += "P"
        if word.startswith("ka") or word.endswith("ob"):
            flag += "K"
        lines.append(f"{rank + 1:4d} {word.upper():<20} {n:8d} {flag}")
    multi = [sorted(ws) for ws in groups.values() if len(ws) > 1]
    multi.sort(key=lambda ws: (-len(ws), ws[0]))
    for ws in multi[:top]:
        lines.append(" ".join(ws))
    return "\n".join(lines), ranked


def parse_size(default, smoke):
    if len(sys.argv) < 2:
        return default
    arg = sys.argv[1]
    if arg == "smoke":
        return smoke
    return int(arg)


def main():
    nwords = parse_size(DEFAULT_WORDS, SMOKE_WORDS)
    t0 = time.perf_counter()
    text = make_text(nwords, 20240611)
    words = tokenize(text)
    counts = count_words(words)
    groups = anagram_groups(counts)
    rep, ranked = report(counts, groups, 50)
    periods, exclaims, questions, longest = sentence_stats(text)
    palindromes = sum(1 for w in counts if len(w) > 2 and w == w[::-1])
    total_chars = sum(len(w) * n for w, n in counts.items())
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"text_processing: {nwords} words in {elapsed:.3f} s\n")
    top = " ".join(f"{w}:{n}" for w, n in ranked[:5])
    print(f"text_processing words={len(words)} distinct={len(counts)} "
          f"lines={text.count(chr(10)) + 1} chars={len(text)} "
          f"letters={total_chars} sentences={periods}/{exclaims}/{questions} "
          f"longest={longest} palindromes={palindromes} "
          f"anagram_classes={len(groups)} top={top} "
          f"report_hash={str_hash(rep)}")


main()
