# Each sample dossier gets the findings a lawyer would expect (errors and
# warnings; notes vary with the checklists' unknown figures), and only those.
set -euo pipefail
dossier=$1 src=$2
/usr/bin/python3 - "$dossier" "$src" <<'PY'
import json, subprocess, sys
dossier, src = sys.argv[1], sys.argv[2]
expected = {
    "brussels-highly-qualified": ("pass", set()),
    # The English diploma needs no translation in Flanders; the medical certificate will be too old by the
    # latest decision date (Flanders counts six months to the decision).
    "flanders-general": ("fail", {("checklist.missing-document", None), ("document.too-old", "police-clearance.pdf"),
                                  ("document.too-old-at-decision", "medisch-attest.pdf")}),
    "wallonia-eu-blue-card": ("fail", {("document.unsigned", "contrat.pdf"),
                                       ("passport.expires-before-stay-end", "pasaporte.pdf"),
                                       ("salary.below-threshold", None)}),
    "german-speaking-permanent": ("fail", {("file.unlisted", "notizen.txt"), ("permanent.insufficient-employment", None),
                                           ("permanent.late-application", "aufenthaltskarte.pdf")}),
    # Brussels takes the English contract without a sworn translation.
    "brussels-employer-abroad": ("fail", {("employer.enterprise-number", None), ("employer.mandate-missing", None)}),
    # Every document a scan, read by OCR (the passport's zone included), all consistent with the manifest.
    "brussels-scanned": ("pass", set()),
    # What only reading the documents shows: the manifest's values all look plausible.
    "brussels-contradictions": ("fail", {("content.language-mismatch", "contract.pdf"), ("translation.missing", "contract.pdf"),
                                         ("passport.mrz-mismatch", "passport.pdf"),
                                         ("content.issue-date-mismatch", "police-record.pdf"),
                                         ("document.too-old", "police-record.pdf"),
                                         ("content.type-mismatch", "casier-judiciaire.pdf"),
                                         ("content.name-missing", "diploma.pdf")}),
}
for name, (verdict, findings) in expected.items():
    out = subprocess.run([dossier, "validate", f"{src}/samples/{name}", "--format", "json"], capture_output=True, text=True)
    r = json.loads(out.stdout)
    got = {(f["rule"], f["document"]) for f in r["findings"] if f["severity"] != "note"}
    assert r["verdict"] == verdict, f"{name}: verdict {r['verdict']}, want {verdict}"
    assert out.returncode == (0 if verdict == "pass" else 1), f"{name}: exit {out.returncode}"
    assert got == findings, f"{name}: unexpected {sorted(got - findings)}, missing {sorted(findings - got)}"
    assert {"info.authority", "info.processing-time", "info.appeal-window", "info.fees"} <= {f["rule"] for f in r["findings"]}, name
    # Sources are public references: never a seed page or a file of the spec.
    for f in r["findings"]:
        for bad in ("seed", "domain.md", "rules.md", "manifest.md", "spec/"):
            assert bad not in f.get("source", "").lower() and bad not in f["message"].lower(), f"{name}: {f['rule']} cites {bad}: {f}"
    # No false alarm: a threshold that is only unknown is never "below the threshold".
    assert not any(f["rule"] == "salary.below-threshold" and f["severity"] == "note" for f in r["findings"]), name
# The Brussels sample is compared on its monthly basic salary, and passes.
out = subprocess.run([dossier, "validate", f"{src}/samples/brussels-highly-qualified", "--format", "json"], capture_output=True, text=True)
rules = {f["rule"] for f in json.loads(out.stdout)["findings"]}
assert "salary.monthly-basic-missing" not in rules and "salary.threshold-unknown" not in rules, rules
# The Walloon Blue Card is held against Wallonia's 2026 figure, not the national one.
out = subprocess.run([dossier, "validate", f"{src}/samples/wallonia-eu-blue-card", "--format", "json"], capture_output=True, text=True)
below = [f for f in json.loads(out.stdout)["findings"] if f["rule"] == "salary.below-threshold"]
assert below and "68,815" in below[0]["message"], below
# The Flemish report gives the date by which the file must be decided.
out = subprocess.run([dossier, "validate", f"{src}/samples/flanders-general", "--today", "2026-12-01"], capture_output=True, text=True)
assert "1 April 2027" in out.stdout and "20 February 2027" in out.stdout, out.stdout
print(f"{len(expected)} samples give the expected findings")
PY
