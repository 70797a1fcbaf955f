#!/usr/bin/env python3
"""Random samples for the hand-written lexers, with Pygments' tokens as goldens.

Writes FOLDER/<alias>/<n>.txt (text pieced together at random from each language's significant
bits: indicators, prompts, quotes, escapes, directives) and <n>.tokens (what Pygments 2.21.0's
get_tokens_unprocessed yields, as scripts/pygments-lexer-goldens.py writes it). Then:

    /work/mkdocs-venv/bin/python scripts/pygments-lexer-fuzz.py /tmp/lexer-fuzz 300
    TRELLIS_LEXER_SAMPLES=/tmp/lexer-fuzz swift test --filter HighlightLexerGoldenTests

Samples on which Pygments itself takes over 2 s are left out.
"""
import json
import os
import random
import signal
import sys

from pygments.lexers import get_lexer_by_name

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
pieces = {
 'yaml': ["a","key","b c"," ","  ","    ","\t","\n","\n","\n- ","- ",": ",":","? ","#"," #c","{","}","[","]",",","|","|-","|+2",">",">-","!","!!str ","!e!x","&a ","*a","%YAML 1.2","%TAG ! tag:x,1:","---","...","'","''","\"","\\n","\\x4","\\u00e9","\u00a0","é","{{ x }}","http://x:80","12:30","-1","true","~","null"],
 'json': ["{","}","[","]",",",":"," ","\n","\t","\"a\"","\"k\"","\"","\\","\\u","00e9","12","-3.5e+2","true","false","null","tru","x","/","//c\n","/*c*/","*","é","🙂"],
 'console': ["$ ","# ","% ","> ","(venv) ","user@host:~$ ","[u@h d]$ ","ls -la","echo \"hi\"","\\","\n","\n","out put","❯ ","sh-5.1$ "," ","PS> ","a=1","|","$HOME","'q'","#c"],
 'makefile': ["all",":","::"," ","\t","\n","\n","\techo $@","$(CC)","$<","VAR"," = ",":=","+=","?=","!=","\\\n","ifeq (a,b)","else","endif","ifdef X","define f","endef","export ","unexport ","#c","@#c",".PHONY","\"s\"","'s'","include x.mk","-include y",".if x",".endif","vpath %.c d","$(x $(y))",",","|"],
 'pycon': [">>> ","... ",">>>","...","\n","\n","x = 1","print(x)","Traceback (most recent call last):\n","  File \"f.py\", line 3, in g\n","    y\n","ValueError: bad\n","KeyboardInterrupt\n","^C","out","  ","def f():","    return 1"],
 'doscon': ["C:\\> ","More? ","dir","\n","\n","echo %X%","^","set A=1"," ","out"],
 'ruby': ["def ","end","class ","module ","Foo","x","a_b?","!","=","==","=~"," ","  ","\t","\n","\n","\n","#c","#{","}","{","(",")","[","]","|","\"","'","`","\\","\\n","%w[","%r{","%q(","%Q!","%r|","%!","% ","<<~EOS","<<-EOS","<<EOS","<<'Q'","<<\"\"","EOS","  EOS\n","Q\n","=begin\n","=end","__END__",":sym",":\"s",":+","key:","@a","@@b","$c","$!","?a","0x1F","07","0b1","12","3.5","/","/re/i",".","::","&.","do |a|","if ","when ","and ","puts ","é","🙂"],
 'rbcon': ["irb(main):001:0> ","irb(main):002:1* ",">> ","?> ","=> 1","\n","\n","x = 1","puts \"a\"","<<~EOS\n","EOS\n","#{","}","def f","end","out put"," "],
 'pwsh-session': ["PS C:\\> ","PS> ","> ","[r]: PS> ","Get-Item","\n","\n","$x = 1","|","out"," ","`"],
}
class TO(Exception): pass
def handler(*a): raise TO()
signal.signal(signal.SIGALRM, handler)
rng = random.Random(42)
skipped = 0
for alias, ps in pieces.items():
    os.makedirs(os.path.join(out, alias), exist_ok=True)
    lexer = get_lexer_by_name(alias)
    for i in range(n):
        text = ''.join(rng.choice(ps) for _ in range(rng.choice([3, 10, 30, 80]))) + '\n'
        signal.alarm(2)
        try:
            toks = [[".".join(t), v] for _, t, v in lexer.get_tokens_unprocessed(text)]
            signal.alarm(0)
        except TO:
            skipped += 1; continue
        base = os.path.join(out, alias, f'{i:04d}')
        open(base + '.txt', 'w', encoding='utf-8', newline='').write(text)
        open(base + '.tokens', 'w', encoding='utf-8', newline='\n').write('\n'.join(json.dumps(t, ensure_ascii=False) for t in toks) + '\n')
print('skipped (Pygments timed out):', skipped)
