"""Merge aid (issue 11): rewrites the English `why`/`note`/`what`/authority `name`
texts of checklists/*/*.yaml into {en, fr, nl, de} from checklist_texts.py, and
lists the texts it has no translation for. Usage: apply_checklist_texts.py [REPO]"""
import re, glob, json, yaml, sys
import os
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "checklist_texts.py"), encoding="utf-8").read())
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
pat = re.compile(r'^(\s*(?:- )?)(why|note|what|name|text):\s*(.+?)\s*$')
changed = 0; missing = set()
for f in sorted(glob.glob(root + '/checklists/*/*.yaml')):
    if '/data/' in f: continue
    lines = open(f, encoding='utf-8').read().split('\n')
    out = []
    for line in lines:
        m = pat.match(line)
        if m and not m.group(3).startswith('{'):
            try:
                v = yaml.safe_load(m.group(3))
            except Exception:
                v = None
            if isinstance(v, str):
                if v in T:
                    fr, nl, de = T[v]
                    q = lambda s: json.dumps(s, ensure_ascii=False)
                    line = f'{m.group(1)}{m.group(2)}: {{en: {q(v)}, fr: {q(fr)}, nl: {q(nl)}, de: {q(de)}}}'
                    changed += 1
                else:
                    missing.add(v)
        out.append(line)
    open(f, 'w', encoding='utf-8').write('\n'.join(out))
print('changed', changed)
for m in sorted(missing): print('NO TRANSLATION:', m)
