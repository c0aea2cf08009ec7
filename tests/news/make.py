#!/usr/bin/env python3
"""tests/news/make.py -- writes stories.jsonl and gold.jsonl from stories.txt.

    python3 tests/news/make.py [DIR] [--check SENTENCES.jsonl]

DIR is the folder of the stories.txt to read and of the two files written
(default tests/news itself; tests/news/fresh is the second, held-out
batch).  stories.txt (format in README.md) holds the invented stories with their
gold events, one sentence a line.  A story's text is its paragraphs
joined by newlines, a paragraph its sentences joined by one space; each
gold event's span is the byte range of the sentence it follows.  With
--check, the output of `dyad sentences stories.jsonl` is read and every
sentence of stories.txt whose span is not one sentence of the splitter is
listed (the gold's spans are meant to be the splitter's).
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MODALITIES = ("planned", "negated", "hypothetical")


def fail(lineno, msg):
    sys.exit("stories.txt:%d: %s" % (lineno, msg))


def parse(path):
    stories = []
    story = None
    para = []          # sentences of the open paragraph: [text, events]
    paras = []

    def close_para():
        nonlocal para
        if para:
            paras.append(para)
        para = []

    def close_story():
        nonlocal paras
        close_para()
        if story is not None:
            story["paras"] = paras
            stories.append(story)
        paras = []

    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("@ "):
                close_story()
                head, _, title = line[2:].partition(" | ")
                parts = head.split(" ", 2)
                if len(parts) != 3 or not title:
                    fail(n, "story line is '@ ID DATE SOURCE | TITLE'")
                story = {"id": parts[0], "date": parts[1], "source": parts[2],
                         "title": title}
            elif line.strip() == "":
                close_para()
            elif line.startswith("= "):
                if not para:
                    fail(n, "an event line follows no sentence")
                f_ = line[2:].split()
                if len(f_) < 3 or len(f_) > 5:
                    fail(n, "event line is '= SOURCE TARGET CODE [DATE] [MODALITY]'")
                ev = {"source": f_[0], "target": f_[1], "code": f_[2]}
                for x in f_[3:]:
                    if x in MODALITIES:
                        ev["modality"] = x
                    elif x[:1].isdigit():
                        ev["date"] = x
                    else:
                        fail(n, "unknown field '%s'" % x)
                para[-1][1].append(ev)
            else:
                if story is None:
                    fail(n, "a sentence before the first story line")
                para.append([line, []])
    close_story()
    return stories


def build(stories):
    docs, gold, spans = [], [], []
    for st in stories:
        text = b""
        evs = []
        for i, para in enumerate(st["paras"]):
            if i:
                text += b"\n"
            for j, (sent, events) in enumerate(para):
                if j:
                    text += b" "
                start = len(text)
                text += sent.encode("utf-8")
                if i == 0 and j == 0 and ") - " in sent:
                    # the dateline "PLACE, Month D (Agency) - " is not part
                    # of the sentence (the splitter cuts it off)
                    start += len(sent.split(") - ", 1)[0].encode("utf-8")) + 4
                spans.append((st["id"], start, len(text), sent))
                for ev in events:
                    g = {"story": st["id"], "start": start, "end": len(text)}
                    g.update(ev)
                    evs.append(g)
        docs.append({"id": st["id"], "date": st["date"], "source": st["source"],
                     "title": st["title"], "text": text.decode("utf-8")})
        gold.append({"story": st["id"]})
        gold.extend(evs)
    return docs, gold, spans


def main():
    args = sys.argv[1:]
    where = HERE
    if args and args[0] != "--check":
        where = args.pop(0)
    stories = parse(os.path.join(where, "stories.txt"))
    docs, gold, spans = build(stories)
    if len(args) == 2 and args[0] == "--check":
        have = set()
        with open(args[1], encoding="utf-8") as f:
            for line in f:
                o = json.loads(line)
                have.add((o["doc_id"], o["start"], o["end"]))
        bad = [s for s in spans if (s[0], s[1], s[2]) not in have]
        for s in bad:
            print("%s %d-%d not one sentence of the splitter: %s" % s)
        sys.exit(1 if bad else 0)
    with open(os.path.join(where, "stories.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(where, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    n = sum(1 for g in gold if "code" in g)
    print("%d stories, %d sentences, %d gold events" % (len(docs), len(spans), n))


if __name__ == "__main__":
    main()
