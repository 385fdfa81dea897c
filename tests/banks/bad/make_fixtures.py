# Writes the malformed bank fixtures used by tests/unit/test_bank.c. The files
# are kept in the repository; run this from tests/banks/bad/ only to rebuild
# them after changing a fixture here (then update the expected messages).
import os
Q = """  - id: {id}
    domain: "{d}"
    task: "{t}"
    difficulty: 2
    prompt: Which option is right?
    options:
      - text: Right one
        correct: true
        why: It is right.
      - text: Wrong one
        correct: false
        why: It is wrong.
      - text: Another wrong one
        correct: false
        why: It is wrong too.
      - text: Last wrong one
        correct: false
        why: It is wrong as well.
    explanation: The first one.
"""
def q(id="q-1", d="1", t="1.1"):
    return Q.format(id=id, d=d, t=t)
def w(name, text):
    data = text.encode() if isinstance(text, str) else text
    open(os.path.join("items", name), "wb").write(data)

w("broken-yaml.yaml", "questions:\n" + q().replace("prompt: Which option is right?", "prompt: Which option: is it right?"))
w("tab-indent.yaml", "questions:\n" + q().replace("    difficulty: 2\n", "\tdifficulty: 2\n").replace("    explanation:", "\t  explanation:"))
w("truncated.yaml", "questions:\n" + q("q-1") + '  - id: q-2\n    domain: "1')
w("invalid-utf8.yaml", ("questions:\n" + q()).encode().replace(b"Which option", b"Which \xc3( option"))
w("nul-byte.yaml", ("questions:\n" + q()).encode().replace(b"Right one", b"Right\x00one"))
w("control-char.yaml", ("questions:\n" + q()).encode().replace(b"Right one", b"Right\x07one"))
w("unknown-domain.yaml", "questions:\n" + q(d="7", t="7.1"))
w("unknown-task.yaml", "questions:\n" + q(t="1.9"))
w("task-wrong-domain.yaml", "questions:\n" + q(d="ops", t="1.2"))
w("no-right-answer.yaml", "questions:\n" + q().replace("correct: true", "correct: false"))
w("two-right-four-options.yaml", "questions:\n" + q().replace("text: Wrong one\n        correct: false", "text: Wrong one\n        correct: true"))
w("too-few-options.yaml", "questions:\n" + q().replace("""      - text: Another wrong one
        correct: false
        why: It is wrong too.
      - text: Last wrong one
        correct: false
        why: It is wrong as well.
""", ""))
w("too-many-options.yaml", "questions:\n" + q().replace("    explanation:", """      - text: Fifth
        correct: false
        why: Wrong.
      - text: Sixth
        correct: false
        why: Wrong.
    explanation:"""))
w("all-correct.yaml", "questions:\n" + q().replace("correct: false", "correct: true").replace("    explanation:", """      - text: Fifth
        correct: true
        why: Right.
    explanation:"""))
mr = q().replace("text: Wrong one\n        correct: false", "text: Wrong one\n        correct: true").replace("    explanation:", """      - text: Fifth
        correct: false
        why: Wrong.
    choose: 3
    explanation:""")
w("choose-mismatch.yaml", "questions:\n" + mr)
w("wrong-type.yaml", "questions:\n" + q().replace("prompt: Which option is right?", "prompt:\n      - Which option\n      - is right?"))
w("huge-string.yaml", "questions:\n" + q().replace("prompt: Which option is right?", "prompt: " + "x" * 2100))
w("empty-file.yaml", "")
w("comments-only.yaml", "# nothing here yet\n\n# still nothing\n")
w("empty-string.yaml", "questions:\n" + q().replace("explanation: The first one.", 'explanation: ""'))
w("missing-key.yaml", "questions:\n" + q().replace("    explanation: The first one.\n", ""))
w("unknown-key.yaml", "questions:\n" + q().replace("    difficulty: 2\n", "    difficulty: 2\n    tag: [s3]\n    notes: to do\n"))
w("misspelled-key.yaml", "questions:\n" + q().replace("prompt:", "promt:"))
w("bad-difficulty.yaml", "questions:\n" + q().replace("difficulty: 2", "difficulty: 4"))
w("quoted-number.yaml", "questions:\n" + q().replace("difficulty: 2", 'difficulty: "2"'))
w("id-too-long.yaml", "questions:\n" + q(id="q-" + "a" * 63))
w("bad-id-chars.yaml", "questions:\n" + q(id='"q 1"'))
w("duplicate-id.yaml", "questions:\n" + q("q-1") + q("q-1"))
w("bad-bool.yaml", "questions:\n" + q().replace("correct: true", "correct: yes"))
w("duplicate-key.yaml", "questions:\n" + q().replace("    difficulty: 2\n", "    difficulty: 2\n    difficulty: 3\n"))
w("alias.yaml", "questions:\n" + q().replace("why: It is right.", "why: &reason It is right.").replace("why: It is wrong.", "why: *reason"))
w("top-level-list.yaml", "- id: q-1\n  prompt: not in a questions list\n")
w("two-documents.yaml", "questions:\n" + q() + "---\nflashcards: []\n")
w("repeated-option.yaml", "questions:\n" + q().replace("text: Another wrong one", "text: Wrong one"))
w("deep-nesting.yaml", "questions: " + "[" * 40 + "]" * 40 + "\n")
w("many-errors.yaml", "questions:\n" + q("q-1").replace("difficulty: 2", "difficulty: 0") + q("q-2", t="1.7") + q("q-3").replace("    explanation: The first one.\n", "") +
  "flashcards:\n  - id: f-1\n    domain: \"1\"\n    task: \"1.1\"\n    front: Front\n    back: []\n")

def refs(*pairs):
    out = "    refs:\n"
    for title, url in pairs:
        out += "      - title: " + title + "\n        url: " + url + "\n"
    return out
def qr(id, block):
    return q(id).replace("    explanation: The first one.\n", "    explanation: The first one.\n" + block)
DOC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"
w("refs-ok.yaml", "questions:\n" + qr("q-1", refs(("What is Amazon S3?", DOC))) +
  qr("q-2", refs(("S3 storage classes", "https://aws.amazon.com/s3/storage-classes/"),
                 ("Case of the host", "https://Docs.AWS.amazon.com/s3/?x=1#top"),
                 ("Bare host", "https://aws.amazon.com"))))
w("refs-bad-url.yaml", "questions:\n" +
  qr("q-1", refs(("Plain http", "http://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html"))) +
  qr("q-2", refs(("Another site", "https://example.com/s3.html"))) +
  qr("q-3", refs(("Look-alike host", "https://docs.aws.amazon.com.example.net/s3"))) +
  qr("q-4", refs(("A port", "https://aws.amazon.com:8443/s3/"))) +
  qr("q-5", refs(("A space", '"https://aws.amazon.com/s3/storage classes/"'))) +
  qr("q-6", refs(("Userinfo", "https://user@docs.aws.amazon.com/s3/"))))
w("refs-shape.yaml", "questions:\n" +
  qr("q-1", "    refs: []\n") +
  qr("q-2", refs(*[("Page %d" % i, DOC + "?p=%d" % i) for i in range(4)])) +
  qr("q-3", "    refs: " + DOC + "\n") +
  qr("q-4", "    refs:\n      - url: " + DOC + "\n") +
  qr("q-5", refs(("x" * 121, DOC))) +
  qr("q-6", refs(("One", DOC), ("Two", DOC))) +
  qr("q-7", "    refs:\n      - title: Misspelled\n        link: " + DOC + "\n") +
  qr("q-8", "    refs:\n"))

# hardening: what a reader can't tell apart, can't see or can't read
w("options-empty.yaml", "questions:\n" + q().split("    options:")[0] + "    options: []\n    explanation: None.\n")
w("options-look-same.yaml", "questions:\n" + q().replace("Last wrong one", "  wrong ONE ") + q("q-2"))
w("invisible-id.yaml", "questions:\n" + q("q\u200b-1") + q("q-2"))
w("display-text.yaml", "questions:\n" +
  q().replace("Which option is right?", "Which option is right? \U0001F600")
     .replace("Another wrong one", "\u05e9\u05dc\u05d5\u05dd")
     .replace("It is wrong too.", "It is wrong\u200b too.")
     .replace("Last wrong one", '"\u200b\u200b"') +
  q("q-2").replace("Which option is right?", "Which \u5b57 option is right?"))

w("many-syntax-errors.yaml", "questions:\n" + q().replace("It is wrong too.", "Note: it is wrong too.") +
  q("q-2") + q("q-3").replace("Which option is right?", '"Which option is right?') + q("q-4") +
  q("q-5").replace("Last wrong one", "[Last] wrong one"))

E = open("../mini/exam.yaml").read()
def e(name, text):
    open(os.path.join("exams", name), "w").write(text)
e("weights.yaml", E.replace("weight: 40", "weight: 38"))
e("leitner-order.yaml", E.replace("leitner_days: [1, 3, 7]", "leitner_days: [1, 7, 3]"))
e("leitner-long.yaml", E.replace("leitner_days: [1, 3, 7]", "leitner_days: [1, 2, 3, 4, 5, 6, 7, 8, 9]"))
e("leitner-type.yaml", E.replace("leitner_days: [1, 3, 7]", "leitner_days: 5"))
e("broken.yaml", E.replace("title: Mini Test Exam", "title: [Mini Test Exam"))
e("missing-code.yaml", E.replace("code: MINI-01\n", "").replace("as_of: 2026-01-15", "as_of: 2026-02-30"))
e("task-id.yaml", E.replace('id: "1.2"', 'id: "2.2"'))
e("duplicate-domain.yaml", E.replace("id: ops\n", 'id: "1"\n').replace("id: ops.1", 'id: "1.3"'))
e("numbers.yaml", E.replace("pass_fraction: 0.70", "pass_fraction: 1.5").replace("pass: 700", "pass: 1100").replace("scored: 5", "scored: 9"))
e("no-tasks.yaml", E.replace("""    tasks:
      - id: ops.1
        title: Run things
""", "    tasks: []\n"))
e("empty.yaml", "")
e("duplicate-task.yaml", E.replace('id: "1.2"', 'id: "1.1"'))
e("domain-dot.yaml", E.replace("id: ops\n", "id: o.ps\n"))
e("too-many-domains.yaml", E.replace("""    weight: 40
""", "    weight: 40\n" + "".join(
    "  - id: x%d\n    name: Extra %d\n    weight: 0\n    tasks:\n      - id: x%d.1\n        title: T\n" % (i, i, i)
    for i in range(15))))

def folder(name, files):
    os.makedirs(name, exist_ok=True)
    for f, text in files.items():
        open(os.path.join(name, f), "w").write(text)
folder("no-exam", {"a.yaml": "questions:\n" + q()})
folder("broken-exam", {"exam.yaml": E.replace("domains:\n", "domains:\n  - id: [\n"), "a.yaml": "questions:\n" + q()})
folder("dup-across-files", {"exam.yaml": E, "a.yaml": "questions:\n" + q("q-1") + q("q-2"),
                            "b.yaml": "questions:\n" + q("q-3") + q("q-1"),
                            "c.yml": "questions: []\n", ".hidden.yaml": "not: loaded\n"})
# a bank that can't feed its modes: flashcards only, and domain ops has none
folder("cards-only", {"exam.yaml": E, "cards.yaml": open("../mini/d-cards.yaml").read()})
# a form asking a domain for more questions than it has
folder("thin-domain", {"exam.yaml": E, "a.yaml": "questions:\n" + "".join(q("q-%d" % i) for i in range(1, 7)) +
                       q("q-7", "ops", "ops.1")})
