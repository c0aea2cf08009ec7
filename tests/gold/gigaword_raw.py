#!/usr/bin/env python3
"""Write the raw-text copy of a PETRARCH XML file to standard output: every
<Parse> element removed, so that `dyad code` splits, tags and chunks the
text itself instead of coding the supplied trees.  A record whose <Text> is
empty or missing (dyad then takes its text from the parse) gets the text
dyad read for it, taken from `dyad sentences` output on the original, so
that the copy reads as the original (check: `dyad sentences` on both gives
the same bytes).  Used by tests/cli/gold_gigaword.sh (tests/gold/README.md,
"The GigaWord sample").

    build/dyad sentences FILE.xml > SENTENCES.jsonl
    python3 tests/gold/gigaword_raw.py FILE.xml SENTENCES.jsonl > RAW.xml
"""
import json
import re
import sys
from xml.sax.saxutils import escape


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gigaword_raw.py FILE.xml SENTENCES.jsonl > RAW.xml\n")
        return 2
    src, sents = argv[1], argv[2]
    texts = []          # one list of sentence texts per record, in file order
    with open(sents, encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            if o["sentence_id"] == 1:
                texts.append([])
            texts[-1].append(o["text"])
    recs = iter(texts)

    def record(m):
        body = re.sub(r"<Parse>.*?</Parse>\n?", "", m.group(0), flags=re.S)
        text = next(recs)
        t = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if not t or not t.group(1).strip():
            new = "<Text>\n" + escape(" ".join(text)) + "\n</Text>"
            if t:
                body = re.sub(r"<Text>.*?</Text>", lambda _: new, body, flags=re.S)
            else:
                body = body.replace("</Sentence>", new + "\n</Sentence>")
        return body

    with open(src, encoding="utf-8") as f:
        doc = f.read()
    sys.stdout.write(re.sub(r"<Sentence\b.*?</Sentence>", record, doc, flags=re.S))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
