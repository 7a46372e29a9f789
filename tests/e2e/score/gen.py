#!/usr/bin/env python3
"""Generate the bundled-key fixtures of tests/e2e/score.sh.

Writes keys/<id>.csv (responses) and keys/<id>.out (the expected output of
`securebase score --bank <id>`), plus keys/ecr-r.json for --format json.

This is an independent implementation: it shares no code with securebase
and does not read data/keys/*.yaml.  The keys below are typed from the
published scoring instructions (see the citations); the rules are SPEC
section 3 (mean of keyed values, reverse = min + max - r, min_answered =
ceil(items / 2), strict '>' against the midpoint cutoff, 0.5 near-boundary
margin, highest with ties in canonical order), computed with exact
fractions.  Run it from this directory; the output is deterministic.
"""
import json
import math
import os
import random
from fractions import Fraction as F

STYLES = ["secure", "anxious-preoccupied", "dismissive-avoidant", "fearful-avoidant"]


def key(prefix, lo, hi, scales, method, highest=None, items=None):
    """scales: list of (scale id, [item numbers], [reversed item numbers])."""
    if items is None:
        items = sorted({i for _, its, _ in scales for i in its})
    return dict(prefix=prefix, lo=lo, hi=hi, scales=scales, method=method,
                highest=highest, items=items)


KEYS = {
    # Fraley, Waller & Brennan (2000); Fraley's scoring page: anxiety 1-18
    # (9, 11 reversed), avoidance 19-36 (20, 22, 26-31, 33-36 reversed).
    "ecr-r": key("ecrr", 1, 7, [
        ("anxiety", list(range(1, 19)), [9, 11]),
        ("avoidance", list(range(19, 37)), [20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36]),
    ], "quadrant"),
    # Wei, Russell, Mallinckrodt & Vogel (2007): anxiety even items (8
    # reversed), avoidance odd items (1, 5, 9 reversed).
    "ecr-s": key("ecrs", 1, 7, [
        ("anxiety", [2, 4, 6, 8, 10, 12], [8]),
        ("avoidance", [1, 3, 5, 7, 9, 11], [1, 5, 9]),
    ], "quadrant"),
    # Fraley, Heffernan, Vicary & Brumbaugh (2011), one target: avoidance
    # 1-6 (1-4 reversed), anxiety 7-9.
    "ecr-rs": key("ecrrs", 1, 7, [
        ("anxiety", [7, 8, 9], []),
        ("avoidance", [1, 2, 3, 4, 5, 6], [1, 2, 3, 4]),
    ], "quadrant"),
    # Griffin & Bartholomew (1994) RSQ prototypes; item 6 is in two scales.
    "rsq": key("rsq", 1, 5, [
        ("secure", [3, 9, 10, 15, 28], [9, 28]),
        ("fearful", [1, 5, 12, 24], []),
        ("preoccupied", [6, 8, 16, 25], [6]),
        ("dismissing", [2, 6, 19, 22, 26], []),
    ], "highest", highest={"secure": "secure", "anxious-preoccupied": "preoccupied",
                           "dismissive-avoidant": "dismissing",
                           "fearful-avoidant": "fearful"},
        items=list(range(1, 31))),
    # Bartholomew & Horowitz (1991) RQ: paragraphs A-D rated 1-7.
    "rq": key("rq_", 1, 7, [
        ("secure", ["a"], []), ("fearful", ["b"], []),
        ("preoccupied", ["c"], []), ("dismissing", ["d"], []),
    ], "highest", highest={"secure": "secure", "anxious-preoccupied": "preoccupied",
                           "dismissive-avoidant": "dismissing",
                           "fearful-avoidant": "fearful"}),
}


def f4(x):
    """%.4f of the double nearest to the exact value (what C's sum / n is)."""
    return "%.4f" % float(x)


def score(k, answers):
    """answers: item -> int or None.  Returns {scale: Fraction or None}."""
    out = {}
    for sid, its, rev in k["scales"]:
        vals = []
        for i in its:
            r = answers.get(i)
            if r is None:
                continue
            vals.append(k["lo"] + k["hi"] - r if i in rev else r)
        need = math.ceil(len(its) / 2)
        out[sid] = F(sum(vals), len(vals)) if len(vals) >= need else None
    return out


def classify(k, s):
    """Returns (styles list, margin Fraction or None, near bool or None)."""
    if k["method"] == "quadrant":
        a, v = s["anxiety"], s["avoidance"]
        if a is None or v is None:
            return [], None, None
        cut = F(k["lo"] + k["hi"], 2)
        style = STYLES[(1 if a > cut else 0) + (2 if v > cut else 0)]
        margin = min(abs(a - cut), abs(v - cut))
        return [style], margin, margin <= F(1, 2)
    vals = {st: s[k["highest"][st]] for st in STYLES}
    if any(x is None for x in vals.values()):
        return [], None, None
    best = max(vals.values())
    return [st for st in STYLES if vals[st] == best], None, None


def rows_for(name, k, rng):
    """Respondents: edge cases first, then random ones with missing values."""
    items = k["items"]
    rows = [("all-min", {i: k["lo"] for i in items}),
            ("all-max", {i: k["hi"] for i in items}),
            ("all-mid", {i: (k["lo"] + k["hi"]) // 2 for i in items})]
    # one answer short of min_answered on the first scale, the rest answered
    sid, its, _ = k["scales"][0]
    short = {i: k["hi"] for i in items if i not in its}
    for i in its[:math.ceil(len(its) / 2) - 1]:
        short[i] = k["hi"]
    rows.append(("one-short", short))
    exact = dict(short)
    exact[its[math.ceil(len(its) / 2) - 1]] = k["lo"]
    rows.append(("exactly-min", exact))
    for n in range(1, 36):
        a = {}
        for i in items:
            if rng.random() < 0.12:
                continue
            a[i] = rng.randint(k["lo"], k["hi"])
        rows.append(("%s-%03d" % (name, n), a))
    return rows


def cell(a, i, rng):
    if i in a:
        return str(a[i])
    return rng.choice(["", "NA"])


def main():
    rng = random.Random(20240611)
    os.makedirs("keys", exist_ok=True)
    for name, k in KEYS.items():
        cols = ["%s%s" % (k["prefix"], i) for i in k["items"]]
        lines_in = [",".join(["respondent"] + cols)]
        head = ["respondent"] + [sid for sid, _, _ in k["scales"]] + ["style"]
        if k["method"] == "quadrant":
            head += ["margin", "near_boundary"]
        lines_out = [",".join(head)]
        js = []
        for rid, a in rows_for(name, k, rng):
            lines_in.append(",".join([rid] + [cell(a, i, rng) for i in k["items"]]))
            s = score(k, a)
            styles, margin, near = classify(k, s)
            out = [rid] + ["" if s[sid] is None else f4(s[sid]) for sid, _, _ in k["scales"]]
            out.append("+".join(styles))
            obj = {"respondent": rid}
            for sid, _, _ in k["scales"]:
                obj[sid] = None if s[sid] is None else float(f4(s[sid]))
            obj["style"] = "+".join(styles) or None
            if k["method"] == "quadrant":
                out += ["" if margin is None else f4(margin),
                        "" if near is None else ("1" if near else "0")]
                obj["margin"] = None if margin is None else float(f4(margin))
                obj["near_boundary"] = near
            lines_out.append(",".join(out))
            js.append(json.dumps(obj, separators=(",", ":"), ensure_ascii=False))
        with open("keys/%s.csv" % name, "w", newline="") as f:
            f.write("\n".join(lines_in) + "\n")
        with open("keys/%s.out" % name, "w", newline="") as f:
            f.write("\n".join(lines_out) + "\n")
        if name == "ecr-r":
            with open("keys/%s.json" % name, "w", newline="") as f:
                f.write("\n".join(js) + "\n")


if __name__ == "__main__":
    main()
