# Each sample dossier gets the findings a lawyer would expect (errors and
# warnings; notes vary with the checklists' unknown figures), and only those.
set -euo pipefail
dossier=$1 src=$2
/usr/bin/python3 - "$dossier" "$src" <<'PY'
import json, subprocess, sys
dossier, src = sys.argv[1], sys.argv[2]
expected = {
    "brussels-highly-qualified": ("pass", set()),
    "flanders-general": ("fail", {("checklist.missing-document", None), ("document.too-old", "police-clearance.pdf"),
                                  ("translation.missing", "diploma.pdf")}),
    "wallonia-eu-blue-card": ("fail", {("document.unsigned", "contrat.pdf"),
                                       ("passport.expires-before-stay-end", "pasaporte.pdf"),
                                       ("salary.below-threshold", None)}),
    "german-speaking-permanent": ("fail", {("file.unlisted", "notizen.txt"), ("permanent.insufficient-employment", None),
                                           ("permanent.late-application", "aufenthaltskarte.pdf")}),
    "brussels-employer-abroad": ("fail", {("employer.enterprise-number", None), ("employer.mandate-missing", None),
                                          ("translation.missing", "contract.pdf")}),
}
for name, (verdict, findings) in expected.items():
    out = subprocess.run([dossier, "validate", f"{src}/samples/{name}", "--format", "json"], capture_output=True, text=True)
    r = json.loads(out.stdout)
    got = {(f["rule"], f["document"]) for f in r["findings"] if f["severity"] != "note"}
    assert r["verdict"] == verdict, f"{name}: verdict {r['verdict']}, want {verdict}"
    assert out.returncode == (0 if verdict == "pass" else 1), f"{name}: exit {out.returncode}"
    assert got == findings, f"{name}: unexpected {sorted(got - findings)}, missing {sorted(findings - got)}"
    assert {"info.authority", "info.processing-time", "info.appeal-window"} <= {f["rule"] for f in r["findings"]}, name
print(f"{len(expected)} samples give the expected findings")
PY
