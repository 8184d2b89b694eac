#!/usr/bin/env bash
# Regenerates the clean git fixtures under test/fixtures/patches/git/ and their expected per-file
# counts. A scratch repository gets commits with the cases a patch parser meets (several hunks
# with function sections, rename, copy, mode change, new and deleted files, binary files, a file
# without a trailing newline, CRLF lines, names that git quotes), then `git format-patch` writes
# them out and `git apply --numstat` records what git itself reads from each one. Encoded twins
# (quoted-printable, base64, format=flowed) are made from a clean patch with Python's email codecs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/test/fixtures/patches/git"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

export GIT_AUTHOR_NAME='Ada Reviewer' GIT_AUTHOR_EMAIL='ada@example.org'
export GIT_COMMITTER_NAME='Ada Reviewer' GIT_COMMITTER_EMAIL='ada@example.org'
export GIT_AUTHOR_DATE='2024-03-01T10:00:00+0000' GIT_COMMITTER_DATE='2024-03-01T10:00:00+0000'
git init -q "$work/repo"
cd "$work/repo"
git config core.autocrlf false

mkdir -p kernel include/linux scripts docs
# Our own small C file: enough functions for several hunks with section text.
cat > kernel/counter.c <<'C'
#include <linux/counter.h>

static int counter_base = 10;

static int counter_check(struct counter *c)
{
	if (!c)
		return -EINVAL;
	if (c->value < 0)
		return -ERANGE;
	return 0;
}

int counter_add(struct counter *c, int delta)
{
	int err;

	err = counter_check(c);
	if (err)
		return err;
	c->value += delta;
	return 0;
}

int counter_reset(struct counter *c)
{
	int err;

	err = counter_check(c);
	if (err)
		return err;
	c->value = counter_base;
	return 0;
}

void counter_free(struct counter *c)
{
	kfree(c);
}
C
cat > include/linux/counter.h <<'C'
#ifndef _LINUX_COUNTER_H
#define _LINUX_COUNTER_H

struct counter {
	int value;
};

int counter_add(struct counter *c, int delta);
int counter_reset(struct counter *c);

#endif
C
printf '#!/bin/sh\necho build\n' > scripts/build.sh
printf 'first line\nsecond line\nlast line without newline' > docs/no-newline.txt
printf 'one\r\ntwo\r\nthree\r\n' > docs/crlf.txt
printf 'space name\n' > 'docs/with space.txt'
printf 'accent\n' > 'docs/naïve.txt'
printf 'to be deleted\nsoon\n' > docs/old.txt
printf '\x00\x01\x02binary\xff\xfe' > docs/blob.bin
git add -A
git commit -q -m 'initial tree'

commit() { git add -A; git commit -q -F -; }

# 1: several hunks in one file, sections name the functions.
sed -i 's/^static int counter_base = 10;/static int counter_base = 0;/' kernel/counter.c
sed -i 's/^\t\treturn -ERANGE;/\t\treturn -EOVERFLOW;/' kernel/counter.c
sed -i 's/^\tc->value = counter_base;/\tc->value = counter_base;\n\tc->resets++;/' kernel/counter.c
sed -i 's/^\tint value;/\tint value;\n\tint resets;/' include/linux/counter.h
commit <<'MSG'
counter: count resets and start from zero

Keep a reset count next to the value and start new counters at zero.

Signed-off-by: Ada Reviewer <ada@example.org>
Reviewed-by: Bob Maintainer <bob@example.org>
Fixes: 0123456789ab ("counter: add counter_reset")
Link: https://lore.example.org/r/20240301.counter@example.org
MSG
# 2: rename with a change.
git mv kernel/counter.c kernel/counters.c
sed -i 's/^\tkfree(c);/\tif (c)\n\t\tkfree(c);/' kernel/counters.c
commit <<'MSG'
counter: rename counter.c to counters.c

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 3: copy with a change (found with --find-copies-harder).
cp include/linux/counter.h include/linux/counter2.h
sed -i 's/_LINUX_COUNTER_H/_LINUX_COUNTER2_H/' include/linux/counter2.h
commit <<'MSG'
counter: add counter2.h as a copy of counter.h

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 4: mode change only, and a mode change with content.
chmod +x scripts/build.sh
commit <<'MSG'
scripts: make build.sh executable

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 5: new and deleted files.
git rm -q docs/old.txt
printf 'brand new\nfile\n' > docs/new.txt
commit <<'MSG'
docs: replace old.txt with new.txt

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 6: binary change.
printf '\x00\x01\x03binary changed\xff' > docs/blob.bin
commit <<'MSG'
docs: update the blob

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 7: no newline at end of file, before and after.
printf 'first line\nsecond line changed\nlast line still without newline' > docs/no-newline.txt
commit <<'MSG'
docs: change a file without a trailing newline

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 8: CRLF lines in the file.
printf 'one\r\ntwo changed\r\nthree\r\n' > docs/crlf.txt
commit <<'MSG'
docs: change a CRLF file

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 9: names git writes quoted or with spaces.
printf 'space name\nmore\n' > 'docs/with space.txt'
printf 'accent\nmore\n' > 'docs/naïve.txt'
commit <<'MSG'
docs: touch files with unusual names

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
# 10-12: a short series for the cover letter.
sed -i 's/^\terr = counter_check(c);/\terr = counter_check(c);\n\tpr_debug("check %d\\n", err);/' kernel/counters.c
commit <<'MSG'
counter: debug the check result

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
printf '#!/bin/sh\nset -e\necho build\n' > scripts/build.sh
commit <<'MSG'
scripts: stop on the first error

Signed-off-by: Ada Reviewer <ada@example.org>
MSG
sed -i 's/^int counter_reset(struct counter \*c);/int counter_reset(struct counter *c);\nvoid counter_free(struct counter *c);/' include/linux/counter.h
commit <<'MSG'
counter: declare counter_free

Signed-off-by: Ada Reviewer <ada@example.org>
Acked-by: Carol Acker <carol@example.org>
MSG

# One mail per commit (format-patch's own numbering), written with the stat git gives.
git -c core.quotepath=false format-patch -q --find-copies-harder -M -C --binary -o "$work/single" HEAD~12..HEAD~3
i=0
for patch in "$work"/single/*.patch; do
  i=$((i + 1))
  name=$(printf 'single-%02d-%s' "$i" "$(basename "$patch" | sed 's/^[0-9]*-//')")
  cp "$patch" "$out/$name"
done
# The binary change again, without --binary: "Binary files ... differ".
git format-patch -q -1 HEAD~6 --stdout > "$out/binary-differ.patch"
# A series with a cover letter, as one mbox, v2 RFC.
git format-patch -q --cover-letter --subject-prefix='RFC PATCH' -v2 --stdout HEAD~3..HEAD > "$out/series-v2-cover.mbox"
# A series with a long stat width and numbered subjects as separate mails.
git format-patch -q -n --stat=100 --stdout HEAD~3..HEAD > "$out/series-numbered.mbox"

# Encoded twins of the first single patch.
first=$(ls "$out"/single-01-*.patch)
python3 - "$first" "$out" <<'PY'
import base64, quopri, sys
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding='utf-8').read()
head, body = text.split('\n\n', 1)
def write(name, extra, payload):
    open(f'{out}/{name}', 'w', encoding='utf-8').write(head + '\n' + extra + '\n\n' + payload)
head = head.replace('Content-Transfer-Encoding: 8bit\n', '').replace('Content-Type: text/plain; charset=UTF-8\n', '')
qp = quopri.encodestring(body.encode('utf-8')).decode('ascii')
write('encoded-quoted-printable.patch', 'Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable', qp)
b64 = base64.encodebytes(body.encode('utf-8')).decode('ascii')
write('encoded-base64.patch', 'Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64', b64)
# format=flowed as a mail client writes it: trailing spaces trimmed (a line ending in a space
# would read as flowed), lines that start with a space, '>' or 'From ' space-stuffed, and long
# lines wrapped at 40 columns with a trailing space.
lines = []
for line in body.split('\n'):
    line = line if line == '-- ' else line.rstrip(' ')
    if line.startswith((' ', '>', 'From ')):
        line = ' ' + line
    while len(line) > 40 and ' ' in line[20:40]:
        cut = line.rindex(' ', 20, 40) + 1
        lines.append(line[:cut])
        line = line[cut:]
        if line.startswith((' ', '>', 'From ')):
            line = ' ' + line
    lines.append(line)
# A reviewer's reply quoting the whole patch with "> ", a comment after each hunk.
quoted, in_hunk = [], False
for line in body.split('\n'):
    if line.startswith(('@@ ', 'diff --git ', '-- ')) and in_hunk:
        quoted += ['', 'A comment from the reviewer on the hunk above.', '']
    in_hunk = in_hunk or line.startswith('@@ ')
    quoted.append('>' + (' ' + line if line else ''))
reply_head = head.replace('Subject: [PATCH', 'Subject: Re: [PATCH') + '\nIn-Reply-To: <patch-1@example.org>'
open(f'{out}/reply-quoting-single-01.patch', 'w', encoding='utf-8').write(reply_head + '\n\nOn Fri, Ada Reviewer wrote:\n' + '\n'.join(quoted) + '\n\nThanks,\nBob\n')
# The same mail with CRLF line ends from the transport.
open(f'{out}/crlf-transport-single-01.patch', 'w', encoding='utf-8', newline='').write(text.replace('\n', '\r\n'))
write('encoded-flowed.patch', 'Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit', '\n'.join(lines))
PY

# What git reads from each fixture: one "added<TAB>removed<TAB>path" line per file diff.
# Run outside any repository: inside one, git apply ignores paths outside the current directory.
mkdir -p "$work/outside"
cd "$work/outside"
for fixture in "$out"/*.patch "$out"/*.mbox; do
  case "$(basename "$fixture")" in encoded-* | reply-* | crlf-*) continue ;; esac
  GIT_CEILING_DIRECTORIES="$work" git -c core.quotepath=false apply --numstat "$fixture" > "${fixture%.*}.numstat"
done
# The hand-written fixtures (quilt, diff -up, diff -puN, scissors, mbox, bare diff) get their
# expected counts from git the same way.
for fixture in "$root"/test/fixtures/patches/hand/*; do
  case "$fixture" in *.numstat) continue ;; esac
  GIT_CEILING_DIRECTORIES="$work" git -c core.quotepath=false apply --numstat "$fixture" > "${fixture%.*}.numstat"
done
echo "fixtures written to $out"
ls "$out"
