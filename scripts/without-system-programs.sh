#!/usr/bin/env bash
# Runs a command as on a machine with Node.js and npm only: in a private mount namespace, the
# programs and files of Debian packages Pivot's other checks use (LibreOffice, poppler, Chromium,
# PostgreSQL, FFmpeg, nginx, system fonts) are hidden. CI runs `npm test` this way, so a test that
# quietly needs one of them fails there, even on a machine where they are installed.
# Usage: bash scripts/without-system-programs.sh npm test
set -euo pipefail
if [[ ${PIVOT_PROGRAMS_HIDDEN:-} != 1 ]]; then
  command -v unshare >/dev/null || { echo "without-system-programs: unshare (util-linux) is needed" >&2; exit 2; }
  exec unshare --mount --propagation private env PIVOT_PROGRAMS_HIDDEN=1 bash "$0" "$@"
fi

hidden_dirs=(/usr/lib/libreoffice /usr/lib/postgresql /usr/lib/chromium /usr/share/fonts /usr/share/postgresql-common)
hidden_programs=(soffice libreoffice lowriter pdftotext pdfinfo pdffonts pdftoppm pdftocairo chromium chromedriver
  psql pg_ctl pg_ctlcluster initdb postgres ffmpeg ffprobe nginx convert magick tesseract)

stub=$(mktemp /tmp/pivot-hidden-program.XXXXXX)
printf '#!/bin/sh\necho "hidden from this run: $0 (a Debian package npm test must not need)" >&2\nexit 127\n' >"$stub"
chmod 755 "$stub"

for dir in "${hidden_dirs[@]}"; do
  [[ -d $dir ]] && mount -t tmpfs -o ro,size=1k none "$dir"
done
for name in "${hidden_programs[@]}"; do
  for bin in /usr/bin /usr/local/bin /bin /usr/sbin; do
    [[ -e $bin/$name ]] && mount --bind "$stub" "$bin/$name"
  done
done
exec "$@"
