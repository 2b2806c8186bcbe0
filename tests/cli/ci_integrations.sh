# The CI integrations: action.yml, .pre-commit-hooks.yaml and the examples in
# docs/ci load as YAML, and every `dossier COMMAND --option` they run exists in
# the binary; the pre-commit hook validates the dossiers whose files changed.
set -euo pipefail
dossier=$1 src=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bin=$(cd "$(dirname "$dossier")" && pwd)
for c in $("$dossier" --help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1}'); do
  "$dossier" "$c" --help >"$tmp/help.$c"
done
"$dossier" --help >"$tmp/help.general"

python3 - "$src" "$tmp" <<'PY'
import glob, os, re, sys, yaml
src, tmp = sys.argv[1], sys.argv[2]
helps = {os.path.basename(p)[5:]: open(p).read() for p in glob.glob(f"{tmp}/help.*")}
general = helps.pop("general")
commands = set(helps)

def check_shell(text, where):
    """Every `dossier CMD ...` in a shell text names a command and its options."""
    found = 0
    for line in text.replace("\\\n", " ").splitlines():
        line = re.sub(r"(^|\s)#.*", "", line)  # shell comments
        for m in re.finditer(r"(?:^|[\s;|&(`$])dossier\s+([a-z][a-z-]*)([^;|&\n]*)", line):
            cmd, rest = m.group(1), m.group(2)
            assert cmd in commands, f"{where}: `dossier {cmd}` is not a command ({sorted(commands)})"
            for opt in re.findall(r"(?:^|\s)(--[a-z][a-z-]*)", rest):
                assert opt in helps[cmd] or opt in general, f"{where}: dossier {cmd} has no {opt}"
            if cmd == "batch" and "--shard" in rest:
                assert re.search(r"--shard\s+(auto|\S+/\S+)", rest), f"{where}: --shard without a value"
            found += 1
    return found

def load(path):
    with open(os.path.join(src, path)) as f:
        return yaml.safe_load(f)

# action.yml: a composite action that installs, runs dossier batch in SARIF,
# uploads it to code scanning and fails on findings.
action = load("action.yml")
assert action["runs"]["using"] == "composite", action["runs"]
steps = action["runs"]["steps"]
runs = "\n".join(s.get("run", "") for s in steps)
assert check_shell(runs, "action.yml") >= 1
assert re.search(r"dossier batch [^\n]*--format sarif", runs), "action.yml: no SARIF batch"
assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps), "no SARIF upload"
assert any("exit 1" in s.get("run", "") and "fail-on-findings" in s.get("if", "") for s in steps), "no failing step"
for name, spec in action["inputs"].items():
    assert "description" in spec, name
for s in steps:
    if "run" in s:
        assert s.get("shell") == "bash", f"action.yml: composite run steps need shell: {s.get('name')}"

# .pre-commit-hooks.yaml: the entry exists, is executable, runs real commands.
hooks = load(".pre-commit-hooks.yaml")
assert isinstance(hooks, list) and hooks, hooks
for h in hooks:
    for key in ("id", "name", "entry", "language"):
        assert key in h, (key, h)
    entry = h["entry"].split()[0]
    if h["language"] == "script":
        path = os.path.join(src, entry)
        assert os.access(path, os.X_OK), f"hook entry {entry} is not an executable script"
        assert check_shell(open(path).read(), entry) >= 1, f"{entry} runs no dossier command"
    else:
        assert check_shell(h["entry"], h["id"]) >= 1

# The GitLab template and the examples.
def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)

gitlab = load("docs/ci/dossier.gitlab-ci.yml")
assert gitlab["dossier"]["artifacts"]["reports"]["junit"], "the template shows no JUnit report"
assert check_shell("\n".join(strings(gitlab["dossier"]["script"])), "dossier.gitlab-ci.yml") >= 1
par = load("docs/ci/gitlab-parallel.yml")
shard = par["dossier-shard"]
assert isinstance(shard["parallel"], int) and shard["parallel"] > 1
script = "\n".join(shard["script"])
assert "--shard auto" in script and "$CI_NODE_INDEX" in script, script
assert check_shell(script, "gitlab-parallel.yml") >= 1
assert check_shell("\n".join(par["dossier-report"]["script"]), "gitlab-parallel.yml") >= 1
assert re.search(r"dossier merge", "\n".join(par["dossier-report"]["script"]))
job = load("docs/ci/kubernetes-indexed-job.yaml")
assert job["kind"] == "Job" and job["spec"]["completionMode"] == "Indexed"
container = job["spec"]["template"]["spec"]["containers"][0]
count = [e["value"] for e in container["env"] if e["name"] == "DOSSIER_SHARD_COUNT"]
assert count == [str(job["spec"]["completions"])], (count, job["spec"]["completions"])
k8s = "\n".join(strings(container["args"]))
assert "--shard auto" in k8s and "JOB_COMPLETION_INDEX" in k8s
assert check_shell(k8s, "kubernetes-indexed-job.yaml") >= 1
print("yaml: ok")
PY

# The hook on changed files: each dossier once, its verdict as exit code.
mkdir "$tmp/repo" && cd "$tmp/repo"
cp -r "$src/samples/brussels-highly-qualified" pass
cp -r "$src/samples/flanders-general" fail
mkdir elsewhere && echo x >elsewhere/notes.txt
export PATH="$bin:$PATH"
hook=$src/tools/pre-commit-validate
status=0; "$hook" --today=2026-12-01 pass/dossier.yaml pass/passport.pdf >"$tmp/out" 2>&1 || status=$?
[ "$status" -eq 0 ] || { echo "hook on the passing dossier: exit $status"; cat "$tmp/out"; exit 1; }
[ "$(grep -c 'pass' "$tmp/out")" -ge 1 ] || { cat "$tmp/out"; exit 1; }
status=0; "$hook" --today=2026-12-01 elsewhere/notes.txt fail/cv.pdf pass/dossier.yaml >"$tmp/out" 2>&1 || status=$?
[ "$status" -eq 1 ] || { echo "hook with a failing dossier among the changed files: exit $status"; cat "$tmp/out"; exit 1; }
status=0; "$hook" elsewhere/notes.txt >"$tmp/out" 2>&1 || status=$?
[ "$status" -eq 0 ] && [ ! -s "$tmp/out" ] || { echo "hook on a file of no dossier"; cat "$tmp/out"; exit 1; }
echo "ci integrations: ok"
