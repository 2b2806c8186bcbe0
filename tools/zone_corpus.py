#!/usr/bin/env python3
"""Holds what `dossier inspect --format json --show-personal-data` read in the
specimen images of ../shared/corpus/id-specimens against their truth.json.

  zone_corpus.py TRUTH.json REPORT.json [REPORT.json ...] [--min-rate 0.95] [--suffix .pdf]

Each report's files are matched to the truth by their name (the image's,
with --suffix replaced by nothing). A valid zone is read when every field
is right (number, nationality, birth and expiry dates, sex, surname, given
names) and the zone's checks hold; a deliberately invalid one when the
zone is found and fails its checks. Prints one line per image and a summary;
exits 1 when the rate of valid zones read is under --min-rate or an invalid
zone is not reported invalid."""
import json
import os
import sys


def fields_of(mrz):
    def yymmdd(d):
        return None if not d else d[2:4] + d[5:7] + d[8:10]
    return {
        "document_number": mrz.get("number"),
        "nationality": (mrz.get("nationality") or "").replace("<", ""),
        "birth_date": yymmdd(mrz.get("birth_date")),
        "expiry_date": yymmdd(mrz.get("expiry")),
        "sex": mrz.get("sex"),
        "surname": mrz.get("surname"),
        "given_names": mrz.get("given_names"),
    }


def main(argv):
    min_rate = 0.95
    suffixes = []
    args = []
    i = 1
    while i < len(argv):
        if argv[i] == "--min-rate":
            min_rate = float(argv[i + 1]); i += 2
        elif argv[i] == "--suffix":
            suffixes.append(argv[i + 1]); i += 2
        else:
            args.append(argv[i]); i += 1
    truth = json.load(open(args[0]))
    read = {}
    for report in args[1:]:
        for f in json.load(open(report))["files"]:
            name = os.path.basename(f["file"])
            for s in suffixes:
                if name.endswith(s):
                    name = name[: -len(s)]
            read[name] = (f.get("read") or {}).get("mrz")
    valid_total = valid_read = invalid_total = invalid_flagged = 0
    misses = []
    for name, t in sorted(truth.items()):
        if name not in read:
            continue
        mrz = read[name]
        if t["valid"]:
            valid_total += 1
            want = t["fields"]
            got = fields_of(mrz) if mrz else None
            wrong = []
            if not mrz:
                wrong = ["no zone"]
            else:
                if not mrz.get("valid"):
                    wrong.append("checks fail: " + ",".join(mrz.get("failed_checks", [])))
                for k in ["document_number", "nationality", "birth_date", "expiry_date", "sex", "surname", "given_names"]:
                    w = want.get(k)
                    if k == "nationality" and w:
                        w = w.replace("<", "")
                    if w is None:
                        continue
                    if k.endswith("_date") and (w[2:4] == "00" or w[4:6] == "00"):
                        w = None  # a 00 month or day: an unknown date (ICAO 9303 part 3), no date is right
                    if (got.get(k) or None) != (w or None):
                        wrong.append(f"{k} {got.get(k)!r} (truth {want.get(k)!r})")
            ok = not wrong
            valid_read += ok
            print(("ok   " if ok else "MISS ") + name + ("" if ok else ": " + "; ".join(wrong)))
            if not ok:
                misses.append(name)
        else:
            invalid_total += 1
            ok = bool(mrz) and not mrz.get("valid")
            invalid_flagged += ok
            print(("ok   " if ok else "MISS ") + name + " (invalid: " +
                  ("reported invalid" if ok else "not reported invalid") + ")")
    rate = valid_read / valid_total if valid_total else 0
    print(f"valid zones read: {valid_read}/{valid_total} ({rate:.0%}); invalid zones reported: "
          f"{invalid_flagged}/{invalid_total}")
    if valid_total == 0 or rate < min_rate or invalid_flagged < invalid_total:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
