# Fill empty msgstr in po/{fr,nl,de}.po from TR: {(ctx, msgid): (fr, nl, de)}; plural: tuples of 2.
import sys, re, json
TR = {}
for f in sys.argv[2:]:
    exec(open(f, encoding='utf-8').read())
def q(s): return json.dumps(s, ensure_ascii=False)
def unq(s): return json.loads(s)
root = sys.argv[1]
missing = []
for li, lang in enumerate(['fr', 'nl', 'de']):
    p = f'{root}/po/{lang}.po'
    blocks = open(p, encoding='utf-8').read().split('\n\n')
    out = []
    for b in blocks:
        lines = b.split('\n')
        ctx = None; mid = None; plural = None
        for l in lines:
            if l.startswith('msgctxt '): ctx = unq(l[8:])
            elif l.startswith('msgid '): mid = unq(l[6:])
            elif l.startswith('msgid_plural '): plural = unq(l[13:])
        if mid:
            empty = any(l in ('msgstr ""', 'msgstr[0] ""', 'msgstr[1] ""') for l in lines)
            if empty:
                t = TR.get((ctx, mid))
                if t is None:
                    if lang == 'fr': missing.append((ctx, mid))
                else:
                    v = t[li]
                    nl_ = []
                    for l in lines:
                        if l == 'msgstr ""': l = 'msgstr ' + q(v)
                        elif l == 'msgstr[0] ""': l = 'msgstr[0] ' + q(v[0])
                        elif l == 'msgstr[1] ""': l = 'msgstr[1] ' + q(v[1])
                        nl_.append(l)
                    lines = nl_
        out.append('\n'.join(lines))
    open(p, 'w', encoding='utf-8').write('\n\n'.join(out))
for m in missing: print('MISSING', m)
