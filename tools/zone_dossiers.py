#!/usr/bin/env python3
"""Dossiers made of the specimen images of ../shared/corpus/id-specimens: each
valid passport (TD3) becomes the passport of a copy of a sample dossier whose
manifest agrees with it (truth.json), each valid card (TD1, TD2) its
residence card. Then:
- agreeing: never a passport.mrz-* error (a false alarm, whatever was
  read); where the zone was read (IMAGES.json, `inspect` of the images),
  no content.unreadable and no content.name-missing either;
- planted: the expiry, the birth date, the number changed in the manifest,
  one at a time: where the zone was read, each is found
  (passport.mrz-mismatch, or passport.mrz-unconfirmed when the zone was
  read with doubt there).
Images whose zone is not read are listed with what the lawyer saw; they
are the misses the corpus test counts.

  zone_dossiers.py DOSSIER_BINARY SAMPLE_DIR CORPUS WORK CACHE IMAGES.json
Prints one line per image; exits 1 on a false alarm or a miss."""
import copy, json, os, shutil, subprocess, sys
import yaml

binary, sample, corpus, work, cache, images = sys.argv[1:7]
truth = json.load(open(os.path.join(corpus, "truth.json")))
zone_read = {f["file"].split("/")[-1]: bool(((f.get("read") or {}).get("mrz") or {}).get("valid"))
             for f in json.load(open(images))["files"]}
ISO3 = {"D": "DEU"}

def full_date(yymmdd, birth):
    yy, mm, dd = int(yymmdd[:2]), yymmdd[2:4], yymmdd[4:6]
    year = 2000 + yy if (not birth and yy <= 46) or (birth and yy <= 25) else 1900 + yy
    return f"{year}-{mm}-{dd}"

def validate(folder):
    p = subprocess.run([binary, "validate", folder, "--format", "json", "--cache", cache, "--lang", "en"],
                       capture_output=True, text=True)
    if p.returncode == 2:
        raise SystemExit(f"validate could not run on {folder}: {p.stderr.strip()}")
    return json.loads(p.stdout)["findings"]

false_alarms = misses = checked = unread = planted_tried = 0
for name, t in sorted(truth.items()):
    f = t["fields"]
    if not t["valid"] or t["layout"] not in ("ICAO",) or not f.get("expiry_date"):
        continue
    nat = ISO3.get(f["nationality"].replace("<", ""), f["nationality"].replace("<", ""))
    if nat in ("UTO", "XXA", "XXB", "XXC", "XXX", "INP") or len(nat) != 3:
        continue  # no ISO country for the manifest to name
    kind = "passport" if t["kind"] == "TD3" else "residence-card"
    folder = os.path.join(work, "dossier-" + name)
    shutil.copytree(sample, folder)
    os.remove(os.path.join(folder, "passport.pdf"))
    ext = os.path.splitext(name)[1]
    shutil.copy(os.path.join(corpus, name), os.path.join(folder, "id" + ext))
    m = yaml.safe_load(open(os.path.join(folder, "dossier.yaml")))
    m["worker"]["surname"] = f["surname"].title()
    m["worker"]["given_names"] = f["given_names"].title() or "-"
    m["worker"]["nationality"] = nat
    def unknown_date(d):  # a day or month of 00: unknown (or a specimen's zeros)
        return "00" in (d[2:4], d[4:6])
    if not unknown_date(f["birth_date"]):
        m["worker"]["birth_date"] = full_date(f["birth_date"], True)
    docs = [d for d in m["documents"] if d["file"] != "passport.pdf"]
    doc = {"file": "id" + ext, "type": kind, "number": f["document_number"],
           "expires": "2031-01-01" if unknown_date(f["expiry_date"]) else full_date(f["expiry_date"], False),
           "country": nat}
    docs.append(doc)
    m["documents"] = docs

    def write(manifest):
        with open(os.path.join(folder, "dossier.yaml"), "w") as out:
            yaml.safe_dump(manifest, out, allow_unicode=True, sort_keys=False)

    def on_id(findings):
        return [x for x in findings if x.get("document") == doc["file"]]

    write(m)
    agreeing = on_id(validate(folder))
    read = zone_read.get(name, False)
    bad = [x["rule"] for x in agreeing
           if (x["rule"].startswith("passport.mrz") and x["severity"] == "error")
           or (read and x["rule"] in ("content.unreadable", "content.name-missing"))]
    line = []
    if bad:
        false_alarms += 1
        line.append("FALSE ALARM " + ",".join(bad))
    if not read:
        unread += 1
        seen = sorted({x["rule"] for x in agreeing if x["severity"] != "note" or x["rule"].startswith("content.")})
        print(f"zone not read  {name}: the lawyer sees {', '.join(seen) or 'nothing on it'}" + (
            f"; FALSE ALARM {','.join(bad)}" if bad else ""))
        checked += 1
        continue
    planted = {
        "expiry": lambda mm: mm["documents"][-1].__setitem__("expires", str(int(doc["expires"][:4]) + 1) + doc["expires"][4:]),
        # four years earlier: 29 February stays a date
        "birth": lambda mm: mm["worker"].__setitem__("birth_date", str(int(str(m["worker"]["birth_date"])[:4]) - 4) + str(m["worker"]["birth_date"])[4:]),
        "number": lambda mm: mm["documents"][-1].__setitem__("number", doc["number"][:-1] + ("1" if doc["number"][-1] != "1" else "2")),
    }
    # A date of 00 (unknown day or month, or a specimen's zeros) is no date
    # to compare with: nothing planted there can be found.
    unknown = {"expiry": unknown_date(f["expiry_date"]), "birth": unknown_date(f["birth_date"])}
    for what, plant in planted.items():
        if unknown.get(what):
            continue
        planted_tried += 1
        mm = copy.deepcopy(m)
        plant(mm)
        write(mm)
        found = [x for x in on_id(validate(folder)) if x["rule"] in ("passport.mrz-mismatch", "passport.mrz-unconfirmed")]
        if not found:
            misses += 1
            line.append(f"MISSED planted {what}")
    checked += 1
    print(("ok   " if not line else "BAD  ") + name + (": " + "; ".join(line) if line else ""))
print(f"dossiers: {checked}; false alarms: {false_alarms}; zone not read: {unread}; "
      f"planted differences missed where the zone was read: {misses} of {planted_tried}")
sys.exit(1 if false_alarms or misses else 0)
