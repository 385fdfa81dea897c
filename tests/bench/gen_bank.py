#!/usr/bin/env python3
"""Writes a synthetic bank for timing the loader and --check-bank.

usage: python3 tests/bench/gen_bank.py OUT_DIR [QUESTIONS] [FLASHCARDS]

The exam has the CLF-C02 shape (4 domains, 19 task statements); questions
are spread by domain weight over one file per task, 20% multiple response,
with prompts, options and explanations about as long as the real bank's, and
words drawn at random so prompts are not near duplicates. Deterministic."""
import os
import random
import sys

DOMAINS = [("1", "Cloud Concepts", 24, 4), ("2", "Security and Compliance", 30, 4),
           ("3", "Cloud Technology and Services", 34, 8), ("4", "Billing, Pricing, and Support", 12, 3)]


def words(rng, vocab, n):
    return " ".join(rng.choice(vocab) for _ in range(n))


def main():
    out = sys.argv[1]
    questions = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    cards = int(sys.argv[3]) if len(sys.argv) > 3 else questions // 3
    rng = random.Random(2026)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(20000)})
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "exam.yaml"), "w") as f:
        f.write("code: BENCH-01\ntitle: Synthetic benchmark exam\nas_of: 2026-11-26\nitems: 65\n"
                "scored: 50\nminutes: 90\nesl_extra_minutes: 30\nscale:\n  min: 100\n  max: 1000\n"
                "  pass: 700\npass_fraction: 0.70\nleitner_days: [1, 2, 4, 8, 16]\n"
                "diagnostic_items: 10\ndomains:\n")
        for did, name, weight, ntasks in DOMAINS:
            f.write(f'  - id: "{did}"\n    name: {name}\n    weight: {weight}\n    tasks:\n')
            for t in range(1, ntasks + 1):
                f.write(f'      - id: "{did}.{t}"\n        title: Task {did}.{t}\n')
    tasks = []
    for did, _, weight, ntasks in DOMAINS:
        for t in range(1, ntasks + 1):
            tasks.append((did, f"{did}.{t}", weight / 100 / ntasks))
    for did, task, share in tasks:
        nq = round(questions * share)
        nf = round(cards * share)
        with open(os.path.join(out, f"{task}-bench.yaml"), "w") as f:
            f.write(f"# Task {task}: synthetic items\nquestions:\n")
            for i in range(nq):
                mr = i % 5 == 0
                count = 5 if mr else 4
                right = {0, 3} if mr else {i % 4}
                f.write(f'  - id: q-{task}-{i:04d}\n    domain: "{did}"\n    task: "{task}"\n'
                        f"    difficulty: {1 + i % 3}\n    tags: [bench, {rng.choice(vocab)}]\n"
                        f"    prompt: >-\n      {words(rng, vocab, 11)}\n      {words(rng, vocab, 10)}\n")
                if mr:
                    f.write("      (Choose TWO.)\n    choose: 2\n")
                f.write("    options:\n")
                for o in range(count):
                    f.write(f"      - text: {words(rng, vocab, 5)}\n"
                            f"        correct: {'true' if o in right else 'false'}\n"
                            f"        why: >-\n          {words(rng, vocab, 7)}\n"
                            f"          {words(rng, vocab, 6)}\n")
                f.write(f"    explanation: >-\n      {words(rng, vocab, 12)}\n"
                        f"      {words(rng, vocab, 10)}\n      Rule of thumb: {words(rng, vocab, 4)}\n")
            f.write("flashcards:\n")
            for i in range(nf):
                f.write(f'  - id: f-{task}-{i:04d}\n    domain: "{did}"\n    task: "{task}"\n'
                        f"    front: {words(rng, vocab, 6)}?\n"
                        f"    back: >-\n      {words(rng, vocab, 10)}\n      {words(rng, vocab, 9)}\n")


if __name__ == "__main__":
    main()
