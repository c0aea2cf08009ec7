#!/usr/bin/env python3
"""Runs one case of the hostile corpus (tests/hostile/make.py), or the
whole corpus at once, and checks what issue 15 asks of `dyad code`:

  - no sanitizer report, and the exit status the case expects (1 when
    something was skipped, 0 for input that is valid however odd);
  - for bad input, a message on stderr naming each hostile file with a
    line or byte offset; for valid input, no message at all;
  - every output line is JSON in strict UTF-8;
  - exactly the events of the good documents: the output equals that of
    coding expect/NAME (the good documents alone), compared as sorted
    records without sentence numbers and byte offsets (which a removed
    byte-order mark or a removed run of sentences shifts).

    run.py --dyad BIN --corpus DIR --case NAME
    run.py --dyad BIN --corpus DIR --mixed     every case's files in one run

Exit status 0 pass, 1 fail, 77 skipped (the case could not be made)."""
import argparse
import json
import os
import re
import subprocess
import sys
import time

SANITIZER = re.compile(r"AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
                       r"runtime error:|MemorySanitizer")


def run(dyad, args, path):
    env = dict(os.environ)
    # a sanitizer's exit status must not pass for "input skipped" (1)
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":exitcode=86").lstrip(":")
    env["UBSAN_OPTIONS"] = (env.get("UBSAN_OPTIONS", "") +
                            ":exitcode=87:print_stacktrace=1").lstrip(":")
    t0 = time.monotonic()
    p = subprocess.run([dyad, "code"] + args + [path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), time.monotonic() - t0


def records(out, fails, label):
    """The output as sorted normalised records; notes lines that are not
    strict UTF-8 JSON."""
    recs = []
    for i, raw in enumerate(out.split(b"\n")):
        if not raw:
            continue
        try:
            r = json.loads(raw.decode("utf-8", "strict"))
        except (UnicodeDecodeError, ValueError) as e:
            fails.append("%s: output line %d is not UTF-8 JSON: %s" % (label, i + 1, e))
            continue
        for k in ("sentence_id", "sentence_start", "sentence_end"):
            r.pop(k, None)
        if isinstance(r.get("sentence"), str):
            r["sentence"] = " ".join(r["sentence"].replace("\ufeff", "").split())
        recs.append(json.dumps(r, sort_keys=True))
    return sorted(recs)


def compare(got, want, fails):
    if got == want:
        return
    g, w = set(got), set(want)
    fails.append("events differ from the good documents': %d emitted, %d expected"
                 % (len(got), len(want)))
    for r in sorted(w - g)[:5]:
        fails.append("  missing: " + r[:300])
    for r in sorted(g - w)[:5]:
        fails.append("  extra:   " + r[:300])
    if g == w:
        fails.append("  (same records, different counts: something is emitted twice)")


def check_case(dyad, corpus, name, m):
    fails = []
    case_dir = os.path.join(corpus, "cases", name)
    exp_dir = os.path.join(corpus, "expect", name)
    rc, out, err, secs = run(dyad, m["args"], case_dir)
    erc, eout, eerr, esecs = run(dyad, m["expect_args"], exp_dir)
    print("case %s: exit %d in %.2f s (good documents alone: %.2f s)" % (name, rc, secs, esecs))
    if m.get("note"):
        print("  " + m["note"])
    if erc != 0 or eerr:
        fails.append("the good documents alone do not code cleanly (exit %d): %s"
                     % (erc, eerr.strip()[:500]))
    if SANITIZER.search(err) or rc in (86, 87) or rc < 0:
        fails.append("sanitizer report or crash (exit %d)" % rc)
    elif rc != m["exit"]:
        fails.append("exit status %d, expected %d" % (rc, m["exit"]))
    lines = [l for l in err.split("\n") if l]
    if m["exit"] == 0 and lines:
        fails.append("messages on valid input")
    for f in m["named"]:
        pat = re.compile(re.escape(f) + r"(:\d+:|: byte \d+)")
        if not any(pat.search(l) for l in lines):
            fails.append("no message names %s with a line or byte offset" % f)
    got = records(out, fails, "case")
    want = records(eout, fails, "expect")
    compare(got, want, fails)
    print("  %d events; %d message(s)" % (len(got), len(lines)))
    for l in lines[:12]:
        print("  | " + l[:300])
    return fails, err


def check_mixed(dyad, corpus, manifest):
    fails = []
    rc, out, err, secs = run(dyad, [], os.path.join(corpus, "cases"))
    erc, eout, eerr, esecs = run(dyad, [], os.path.join(corpus, "expect"))
    print("mixed: exit %d in %.2f s (good documents alone: %.2f s, exit %d)"
          % (rc, secs, esecs, erc))
    if SANITIZER.search(err) or SANITIZER.search(eerr) or rc in (86, 87) or rc < 0:
        fails.append("sanitizer report or crash (exit %d)" % rc)
    elif rc != 1:
        fails.append("exit status %d, expected 1" % rc)
    if erc != 0 or eerr:
        fails.append("the good documents alone do not code cleanly (exit %d): %s"
                     % (erc, eerr.strip()[:500]))
    lines = [l for l in err.split("\n") if l]
    for name, m in sorted(manifest.items()):
        if m.get("skip") or m["args"]:
            continue
        for f in m["named"]:
            pat = re.compile(re.escape(f) + r"(:\d+:|: byte \d+)")
            if not any(pat.search(l) for l in lines):
                fails.append("no message names %s with a line or byte offset" % f)
    got = records(out, fails, "mixed")
    want = records(eout, fails, "expect")
    compare(got, want, fails)
    print("  %d events; %d message(s)" % (len(got), len(lines)))
    return fails, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", required=True)
    ap.add_argument("--corpus", required=True)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--case")
    g.add_argument("--mixed", action="store_true")
    a = ap.parse_args()
    mpath = os.path.join(a.corpus, "manifest.json")
    if not os.path.exists(mpath):
        print("SKIP: no corpus at %s (tests/hostile/make.py makes it)" % a.corpus)
        return 77
    with open(mpath) as f:
        manifest = json.load(f)
    if a.mixed:
        fails, err = check_mixed(a.dyad, a.corpus, manifest)
    else:
        m = manifest.get(a.case)
        if m is None:
            print("FAIL: no case %s in %s" % (a.case, mpath))
            return 1
        if m.get("skip"):
            print("SKIP: %s: %s" % (a.case, m["skip"]))
            return 77
        fails, err = check_case(a.dyad, a.corpus, a.case, m)
    if fails:
        print("FAIL:")
        for f in fails:
            print("  " + f)
        if SANITIZER.search(err):
            print(err[-4000:])
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
