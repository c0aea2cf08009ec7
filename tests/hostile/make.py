#!/usr/bin/env python3
"""Writes the hostile corpus: inputs a scraper could drag in, each one
placed between good documents of our own, for tests/hostile/run.py.

    make.py OUTDIR        writes the corpus (deterministic: same bytes on
                          every run; nothing of it is committed)
    make.py --list        prints "NAME TIMEOUT" per case (and "mixed"),
                          for CMake

Layout of OUTDIR:

    cases/NAME/...        what `dyad code` reads for case NAME: good
                          documents before and after the hostile input
    expect/NAME/...       the same good documents without the hostile
                          input (or, where the input is valid, the same
                          documents written plainly): coding these must
                          give exactly the events of cases/NAME
    dicts/NAME/           a dictionary directory, for cases that need one
    manifest.json         per case: the exit status expected, the files a
                          message must name, extra arguments

The good documents are short news sentences written for this corpus.
Only the standard library is used; zstd cases need the `zstd` command
and are left out, saying so, when it is absent.
"""
import gzip
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))

# Sentences of our own; each codes at least one event with the built-in
# dictionaries.
GOOD = [
    "Chile accused Peru of violating the border agreement.",
    "Brazilian police arrested twelve protesters in Sao Paulo on Friday.",
    "The foreign ministers of Japan and South Korea met in Tokyo to discuss trade.",
    "Kenya sent troops to the Somali border after rebels attacked a village.",
    "Egypt condemned the Israeli air strike on Gaza.",
    "Argentina and Uruguay signed a fishing agreement on Tuesday.",
    "Rebels in Mali kidnapped two aid workers, the army said.",
    "Ghana praised Nigeria for its help with the election.",
    "India and Bangladesh agreed to reopen the river trade route.",
    "Poland expelled two Belarusian diplomats on Monday.",
    "Colombian soldiers killed three guerrillas near the Venezuelan border.",
    "Cuba criticized the United States over the new sanctions.",
    "Greek coast guards rescued forty migrants near Lesbos.",
]

# The same first sentence as a Penn Treebank parse, for XML records.
GOOD_PARSE = ("(ROOT (S (NP (NNP Chile)) (VP (VBD accused) (NP (NNP Peru)) (PP (IN of) "
              "(S (VP (VBG violating) (NP (DT the) (NN border) (NN agreement)))))) (. .)))")

# name -> CTest TIMEOUT in seconds in the ASan+UBSan build (the normal
# build divides it by three, never under 10 s).  Each is four to five
# times what the case took there on this machine while it was loaded
# (two cores shared with other builds; docs/HARDENING.md has the times),
# so a busy machine does not fail it.  A stage quadratic in any of these
# inputs (10 MB, 100,000 sentences, fields, brackets or messages,
# 300,000 attributes, 400,000 combining marks) takes many minutes.
CASES = {
    "nul-text": 20,
    "nul-jsonl": 20,
    "utf8-text": 20,
    "utf8-jsonl": 20,
    "surrogates-text": 20,
    "surrogates-jsonl": 20,
    "bom-jsonl": 20,
    "bom-text": 20,
    "bom-xml": 20,
    "cr-text": 20,
    "cr-jsonl": 20,
    "long-line-text": 40,
    "long-line-jsonl": 40,
    "long-line-xml": 40,
    "long-sentence": 20,
    "nested-brackets": 20,
    "tiny-sentences": 120,
    "combining-marks": 20,
    "json-fields": 20,
    "json-nesting": 20,
    "json-escapes": 20,
    "many-errors": 45,
    "gzip-truncated": 40,
    "zstd-truncated": 40,
    "xml-laughs": 20,
    "xml-broken": 20,
    "xml-deep-parse": 20,
    "dict-recursive": 20,
}


class Case:
    """One case: files under cases/NAME and expect/NAME, and what the
    run must show."""

    def __init__(self, out, name):
        self.out = out
        self.name = name
        self.exit = 1          # 1: something is reported and skipped
        self.named = []        # files a located message must name
        self.args = []         # extra arguments for both runs
        self.expect_args = None
        self.note = ""
        self.k = 0             # next good sentence
        for side in ("cases", "expect"):
            os.makedirs(os.path.join(out, side, name), exist_ok=True)

    def good(self):
        s = GOOD[self.k % len(GOOD)]
        self.k += 1
        return s

    def line(self, doc_id, text, date="2021-03-04"):
        """A JSON line for a good document (ids are unique corpus-wide)."""
        return json.dumps({"id": "%s-%s" % (self.name, doc_id), "date": date,
                           "text": text}).encode() + b"\n"

    def write(self, side, fname, data):
        p = os.path.join(self.out, side, self.name, fname)
        with open(p, "wb") as f:
            f.write(data)
        return p

    def both(self, fname, data):
        self.write("cases", fname, data)
        self.write("expect", fname, data)

    def hostile(self, fname, data, named=True):
        self.write("cases", fname, data)
        if named:
            self.named.append(fname)

    def good_text_files(self):
        """Good plain-text documents before and after the hostile ones
        (files are read in name order)."""
        self.both("%s-a.txt" % self.name, (self.good() + " " + self.good() + "\n").encode())
        self.both("%s-z.txt" % self.name, (self.good() + "\n\n" + self.good() + "\n").encode())

    def manifest(self):
        return {"exit": self.exit, "named": self.named if self.exit else [], "args": self.args,
                "expect_args": self.expect_args if self.expect_args is not None else self.args,
                "note": self.note}


def jsonl_case(c, bad_lines, fname=None):
    """A JSON Lines file: a good line, then each bad line followed by a
    good one.  The expected file holds the good lines only."""
    fname = fname or "%s.jsonl" % c.name
    case, expect = [c.line("g0", c.good())], []
    expect.append(case[0])
    for i, bad in enumerate(bad_lines):
        g = c.line("g%d" % (i + 1), c.good())
        case += [bad, g]
        expect.append(g)
    c.hostile(fname, b"".join(case))
    c.write("expect", fname, b"".join(expect))


def xml_record(doc_id, text, parse=None, date="20210304"):
    r = '<Sentence date="%s" id="%s" source="test">\n<Text>\n%s\n</Text>\n' % (date, doc_id, text)
    if parse:
        r += "<Parse>%s</Parse>\n" % parse
    return r + "</Sentence>\n"


def xml_case(c, bad_records, head=""):
    """A PETRARCH XML file: good records around each bad one."""
    case = ['<?xml version="1.0" encoding="UTF-8"?>\n', head, "<Sentences>\n"]
    expect = ['<?xml version="1.0" encoding="UTF-8"?>\n<Sentences>\n']
    first = xml_record("%s-g0" % c.name, GOOD[0], GOOD_PARSE)
    case.append(first)
    expect.append(first)
    for i, bad in enumerate(bad_records):
        g = xml_record("%s-g%d" % (c.name, i + 1), c.good())
        case += [bad, g]
        expect.append(g)
    case.append("</Sentences>\n")
    expect.append("</Sentences>\n")
    fname = "%s.xml" % c.name
    c.hostile(fname, "".join(case).encode())
    c.write("expect", fname, "".join(expect).encode())


# ---------------------------------------------------------------- cases

def nul_text(c):
    c.good_text_files()
    c.hostile("%s-m.txt" % c.name, c.good().encode() + b"\0\0binary\0" + c.good().encode())


def nul_jsonl(c):
    g = c.good()
    jsonl_case(c, [
        ('{"id":"%s-raw","text":"%s\0"}\n' % (c.name, g)).encode(),       # raw NUL
        ('{"id":"%s-esc","text":"%s\\u0000"}\n' % (c.name, g)).encode(),  # escaped NUL
    ])


def utf8_text(c):
    c.good_text_files()
    g = c.good().encode()
    c.hostile("%s-m1.txt" % c.name, g + b" \xc0\xaf overlong slash.")
    c.hostile("%s-m2.txt" % c.name, g + b" \xe0\x80\xaf overlong three.")
    c.hostile("%s-m3.txt" % c.name, g + b" \xff\xfe bytes never valid.")
    c.hostile("%s-m4.txt" % c.name, g + b" cut \xe2\x82")
    c.hostile("%s-m5.txt" % c.name, g + b" \x80 stray continuation.")
    c.hostile("%s-m6.txt" % c.name, g + b" \xf4\x90\x80\x80 past U+10FFFF.")


def utf8_jsonl(c):
    g = c.good().encode()
    bad = []
    for i, junk in enumerate([b"\xc0\xaf", b"\xe0\x80\xaf", b"\xff", b"\xe2\x82", b"\x80",
                              b"\xf8\x88\x80\x80\x80"]):
        bad.append(b'{"id":"%s-b%d","text":"%s %s"}\n' % (c.name.encode(), i, g, junk))
    jsonl_case(c, bad)


def surrogates_text(c):
    c.good_text_files()
    g = c.good().encode()
    c.hostile("%s-m1.txt" % c.name, g + b" \xed\xa0\x80 high half alone.")
    c.hostile("%s-m2.txt" % c.name, g + b" \xed\xb0\x80 low half alone.")
    c.hostile("%s-m3.txt" % c.name, g + b" \xed\xa0\xbd\xed\xb8\x80 a pair as CESU-8.")


def surrogates_jsonl(c):
    g = c.good()
    n = c.name
    jsonl_case(c, [
        ('{"id":"%s-hi","text":"%s \\ud800"}\n' % (n, g)).encode(),
        ('{"id":"%s-lo","text":"%s \\udc00 x"}\n' % (n, g)).encode(),
        ('{"id":"%s-hi2","text":"%s \\ud800\\u0041"}\n' % (n, g)).encode(),
        ('{"id":"%s-rev","text":"%s \\ude00\\ud83d"}\n' % (n, g)).encode(),
        ('{"id":"%s-raw","text":"%s \xed\xa0\x80"}\n' % (n, g)).encode("latin-1"),
    ])
    # a proper pair (json.dumps writes it as \ud83d\ude00), in a good
    # document, stays
    c.both("%s-pair.jsonl" % n, c.line("pair", c.good() + " \U0001F600"))


def bom_jsonl(c):
    """Valid input: a byte-order mark at the start of the file and at the
    start of a later line (two files joined) is skipped."""
    c.exit = 0
    lines = [c.line("g%d" % i, c.good()) for i in range(4)]
    bom = b"\xef\xbb\xbf"
    c.write("cases", "%s.jsonl" % c.name, bom + lines[0] + lines[1] + bom + lines[2] + lines[3])
    c.write("expect", "%s.jsonl" % c.name, b"".join(lines))


def bom_text(c):
    """Valid input: marks at the start of a text file and at the start
    of a line inside it."""
    c.exit = 0
    a, b, d = c.good(), c.good(), c.good()
    bom = "\ufeff"
    c.write("cases", "%s-1.txt" % c.name, (bom + a + "\n\n" + b + "\n").encode())
    c.write("expect", "%s-1.txt" % c.name, (a + "\n\n" + b + "\n").encode())
    c.write("cases", "%s-2.txt" % c.name, (a + "\n" + bom + d + "\n").encode())
    c.write("expect", "%s-2.txt" % c.name, (a + "\n" + d + "\n").encode())


def bom_xml(c):
    """Valid input: a PETRARCH XML file behind a byte-order mark."""
    c.exit = 0
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n<Sentences>\n' +
            xml_record(c.name + "-g0", GOOD[0], GOOD_PARSE) +
            xml_record(c.name + "-g1", c.good()) + "</Sentences>\n").encode()
    c.write("cases", "%s.xml" % c.name, b"\xef\xbb\xbf" + body)
    c.write("expect", "%s.xml" % c.name, body)


def cr_text(c):
    """Valid input: old Mac line ends (CR only) in a text file."""
    c.exit = 0
    paras = [c.good() + "\n" + c.good(), c.good()]
    text = "\n\n".join(paras) + "\n"
    c.write("cases", "%s.txt" % c.name, text.replace("\n", "\r").encode())
    c.write("expect", "%s.txt" % c.name, text.encode())


def cr_jsonl(c):
    """Valid input: JSON lines ended by CR alone, and by CR LF.  A raw CR
    cannot occur inside a JSON string, so a lone CR can only end a line."""
    c.exit = 0
    lines = [c.line("g%d" % i, c.good()) for i in range(5)]
    cr = b"".join(l.replace(b"\n", b"\r") for l in lines[:3])
    crlf = b"".join(l.replace(b"\n", b"\r\n") for l in lines[3:])
    c.write("cases", "%s.jsonl" % c.name, cr + crlf)
    c.write("expect", "%s.jsonl" % c.name, b"".join(lines))


def long_line_text(c):
    """Valid input: a 10 MB line without a blank, as a text file of its
    own and after a good sentence.  It is one enormous word: read, split,
    tagged and coded (no event), nothing skipped, so exit status 0."""
    c.exit = 0
    c.good_text_files()
    word = (b"abcdefghij" * (1 << 20))
    c.write("cases", "%s-m1.txt" % c.name, word + b"\n")
    g = c.good()
    c.write("cases", "%s-m2.txt" % c.name, g.encode() + b"\n\n" + word + b"\n")
    c.write("expect", "%s-m2.txt" % c.name, g.encode() + b"\n")


def long_line_jsonl(c):
    """Valid input: a JSON line whose text is 10 MB without a blank."""
    c.exit = 0
    word = "x" * (10 << 20)
    jsonl_case(c, [('{"id":"%s-long","text":"%s"}\n' % (c.name, word)).encode()])


def long_line_xml(c):
    """Valid input: a PETRARCH record whose text is 10 MB without a blank
    (over libxml2's own 10,000,000-byte cap on a text node, under the
    16 MiB record limit)."""
    c.exit = 0
    xml_case(c, [xml_record(c.name + "-long", "y" * (10 << 20))])


def long_sentence(c):
    """A sentence of 50,000 words: over the 10,000-word limit, refused."""
    words = " ".join(["word%d" % (i % 97) for i in range(50000)]) + "."
    jsonl_case(c, [('{"id":"%s-long","text":"%s"}\n' % (c.name, words)).encode()])


def nested_brackets(c):
    """100,000 nested brackets (over the word limit) and 3,000 (under the
    word limit, over the nesting limit)."""
    deep = "(" * 100000 + "Chile accused Peru" + ")" * 100000 + "."
    mid = "[" * 3000 + "Chile accused Peru" + "]" * 3000 + "."
    jsonl_case(c, [('{"id":"%s-deep","text":"%s"}\n' % (c.name, deep)).encode(),
                   ('{"id":"%s-mid","text":"%s"}\n' % (c.name, mid)).encode()])


def tiny_sentences(c):
    """Valid input: 100,000 tiny sentences before a good one in one
    document; only the good one has an event."""
    c.exit = 0
    first = c.line("g0", c.good())
    g = c.good()
    c.write("cases", "%s.jsonl" % c.name, first + c.line("many", "Rain fell. " * 100000 + g))
    c.write("expect", "%s.jsonl" % c.name, first + c.line("many", g))


def combining_marks(c):
    """Valid input: a letter with 400,000 combining marks of two classes
    (normalised 30 at a time, never quadratic), then a good sentence."""
    c.exit = 0
    first = c.line("g0", c.good())
    g = c.good()
    marks = "a" + "\u0301\u0316" * 200000 + "."
    c.write("cases", "%s.jsonl" % c.name, first + c.line("marks", marks + " " + g))
    c.write("expect", "%s.jsonl" % c.name, first + c.line("marks", g))


def json_fields(c):
    """Valid input: a JSON line with 100,000 fields besides id and text."""
    c.exit = 0
    g = c.good()
    obj = {"id": "%s-wide" % c.name, "date": "2021-03-04", "text": g}
    for i in range(100000):
        obj["f%d" % i] = i
    first = c.line("g0", c.good())
    c.write("cases", "%s.jsonl" % c.name, first + json.dumps(obj).encode() + b"\n")
    c.write("expect", "%s.jsonl" % c.name, first + c.line("wide", g))


def json_nesting(c):
    """100,000 levels of arrays, and of objects, in a field dyad ignores."""
    g = c.good()
    arr = "[" * 100000 + "]" * 100000
    objs = '{"a":' * 100000 + "1" + "}" * 100000
    jsonl_case(c, [
        ('{"id":"%s-arr","text":"%s","x":%s}\n' % (c.name, g, arr)).encode(),
        ('{"id":"%s-obj","text":"%s","x":%s}\n' % (c.name, g, objs)).encode(),
    ])


def json_escapes(c):
    g = c.good()
    n = c.name
    bad = []
    for i, esc in enumerate(["\\x41", "\\u12G4", "\\q", "\\u00", "\\'", "\\U0001F600"]):
        bad.append(('{"id":"%s-e%d","text":"%s %s"}\n' % (n, i, g, esc)).encode())
    bad.append(('{"id":"%s-end","text":"%s \\' % (n, g)).encode() + b"\n")
    jsonl_case(c, bad)


def many_errors(c):
    """100,000 malformed JSON lines, and 20,000 XML records never closed:
    one message each, in time linear in their number."""
    n = c.name
    bad = b"".join(b'{"id":"%s-b%d","text":\n' % (n.encode(), i) for i in range(100000))
    jsonl_case(c, [bad])
    xml_case(c, ["".join('<Sentence id="%s-o%d">\n' % (n, i) for i in range(20000))])


def filler(rng, n):
    """Eventless JSON lines of digits (they compress poorly)."""
    out = []
    for i in range(n):
        digits = " ".join(str(rng.randrange(10 ** 9)) for _ in range(12))
        out.append(('{"id":"fill-%d","text":"%s."}\n' % (i, digits)).encode())
    return out


def archive_case(c, ext, compress):
    """A JSON Lines archive cut in the middle: the complete lines before
    the damage are read, then one message names the byte offset.  Also a
    text document in a cut archive: skipped whole."""
    rng = random.Random(15)
    goods = [c.line("z%d" % i, c.good()) for i in range(2)]
    lines = goods + filler(rng, 20000)
    data = compress(b"".join(lines))
    c.hostile("%s-m1.jsonl%s" % (c.name, ext), data[: len(data) * 3 // 5])
    c.write("expect", "%s-m1.jsonl" % c.name, b"".join(goods))
    story = (c.good() + "\n\n").encode() + b"".join(l[:-1] + b"\n\n" for l in filler(rng, 4000))
    data = compress(story)
    c.hostile("%s-m2.txt%s" % (c.name, ext), data[: len(data) // 2])
    c.good_text_files()


def gzip_truncated(c):
    archive_case(c, ".gz", lambda b: gzip.compress(b, 6, mtime=0))


def zstd_compress(b):
    return subprocess.run(["zstd", "-q", "-c", "-3"], input=b, stdout=subprocess.PIPE,
                          check=True).stdout


def zstd_truncated(c):
    archive_case(c, ".zst", zstd_compress)


def laughs_dtd():
    ents = ['<!ENTITY lol0 "lol">']
    for i in range(1, 10):
        ents.append('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10))
    return "<!DOCTYPE Sentences [\n" + "\n".join(ents) + "\n]>\n"


def xml_laughs(c):
    """A billion-laughs DTD: never expanded; the record that uses the
    entity is skipped, the others are read."""
    xml_case(c, [xml_record(c.name + "-lol", c.good() + " &lol9;")], head=laughs_dtd())


def xml_broken(c):
    g = c.good()
    xml_case(c, [
        xml_record(c.name + "-lt", "Prices rose 3 < 4 percent as " + g),
        '<Sentence date="20210304" id="%s-open">\n<Text>%s</Text>\n' % (c.name, c.good()),
        '<Sentense date="20210304" id="%s-typo">\n<Text>%s</Text>\n</Sentence>\n'
        % (c.name, c.good()),
        xml_record(c.name + "-amp", "Rock & roll " + c.good()),
        '<Sentence date="20210304" id="%s-attr><Text>%s</Text></Sentence>\n' % (c.name, c.good()),
        '<Sentence id="%s-wide" %s><Text>%s</Text></Sentence>\n'
        % (c.name, " ".join('a%d="%d"' % (i, i) for i in range(300000)), c.good()),
    ])


def xml_deep_parse(c):
    """A <Parse> 100,000 brackets deep: refused by the Treebank reader."""
    deep = "(S " * 100000 + "(NN x)" + ")" * 100000
    xml_case(c, [xml_record(c.name + "-deep", c.good(), deep)])


def dict_recursive(c):
    """A verb dictionary whose synsets hold themselves, directly and
    through another: each such member is left out with a located
    error, and the documents are coded with the rest."""
    src = os.path.join(SOURCE, "data", "dict")
    names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
    for side in ("clean", "loop"):
        d = os.path.join(c.out, "dicts", c.name, side)
        os.makedirs(d, exist_ok=True)
        for f in names:
            shutil.copyfile(os.path.join(src, f), os.path.join(d, f))
    # The same lines in both, but in the clean one each member the
    # loader must leave out is a comment, so every other line keeps its
    # number (evidence names FILE:LINE).
    loop = ["&LOOPA", "+&LOOPB", "+PARLEY", "", "&LOOPB", "+&LOOPA_TALK", "+&LOOPB", "",
            "&SELF", "+&SELF", "+&SELF_&SELF", "",
            "--- PALAVER [040] ---", "PALAVER", "- * &LOOPA [040]", "- * &SELF [040]", ""]
    left_out = {"+&LOOPA_TALK", "+&LOOPB", "+&SELF", "+&SELF_&SELF"}
    clean = ["# left out" if (l in left_out and i > 2) else l for i, l in enumerate(loop)]
    for side, lines in (("loop", loop), ("clean", clean)):
        with open(os.path.join(c.out, "dicts", c.name, side, "verbs.txt"), "a") as f:
            f.write("\n# hostile: synsets that hold themselves\n" + "\n".join(lines))
    c.args = ["--dict-dir", os.path.join(c.out, "dicts", c.name, "loop")]
    c.expect_args = ["--dict-dir", os.path.join(c.out, "dicts", c.name, "clean")]
    c.named = ["verbs.txt"]
    c.both("%s.jsonl" % c.name, b"".join(c.line("g%d" % i, c.good()) for i in range(6)) +
           c.line("talk", "Japan palavered with Chile over the parley."))


MAKERS = {
    "nul-text": nul_text, "nul-jsonl": nul_jsonl,
    "utf8-text": utf8_text, "utf8-jsonl": utf8_jsonl,
    "surrogates-text": surrogates_text, "surrogates-jsonl": surrogates_jsonl,
    "bom-jsonl": bom_jsonl, "bom-text": bom_text, "bom-xml": bom_xml,
    "cr-text": cr_text, "cr-jsonl": cr_jsonl,
    "long-line-text": long_line_text, "long-line-jsonl": long_line_jsonl,
    "long-line-xml": long_line_xml,
    "long-sentence": long_sentence, "nested-brackets": nested_brackets,
    "tiny-sentences": tiny_sentences, "combining-marks": combining_marks,
    "json-fields": json_fields, "json-nesting": json_nesting, "json-escapes": json_escapes,
    "many-errors": many_errors,
    "gzip-truncated": gzip_truncated, "zstd-truncated": zstd_truncated,
    "xml-laughs": xml_laughs, "xml-broken": xml_broken, "xml-deep-parse": xml_deep_parse,
    "dict-recursive": dict_recursive,
}


def main(argv):
    if len(argv) == 2 and argv[1] == "--list":
        for name, timeout in CASES.items():
            print(name, timeout)
        print("mixed", 300)       # every case at once (run.py --mixed)
        return 0
    if len(argv) != 2:
        sys.stderr.write("usage: make.py OUTDIR | --list\n")
        return 2
    out = argv[1]
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    manifest = {}
    for name in CASES:
        if name == "zstd-truncated" and not shutil.which("zstd"):
            print("make.py: no zstd command: case %s left out" % name)
            manifest[name] = {"skip": "no zstd command when the corpus was made"}
            continue
        c = Case(out, name)
        MAKERS[name](c)
        manifest[name] = c.manifest()
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
