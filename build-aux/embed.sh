#!/bin/sh
# embed.sh NAME FILE: print a C file defining
#   const unsigned char NAME[]; const size_t NAME_len;
# with FILE's bytes, so that the program carries FILE inside itself.
# Only POSIX od and sed: no xxd on a fresh machine.
set -e
name=$1
file=$2
printf '/* Generated from %s by build-aux/embed.sh: do not edit. */\n' "$(basename "$file")"
printf '#include <stddef.h>\n'
printf 'extern const unsigned char %s[];\nextern const size_t %s_len;\n' "$name" "$name"
printf 'const unsigned char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed -e 's/ *$//' -e 's/^ *//' -e '/^$/d' -e 's/ /, 0x/g' -e 's/^/0x/' -e 's/$/,/'
printf '0x00 };\n'
printf 'const size_t %s_len = sizeof %s - 1;\n' "$name" "$name"
