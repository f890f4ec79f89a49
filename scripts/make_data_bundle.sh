#!/usr/bin/env bash
# Builds the entente data bundle: the files of the shared data directory as
# one gzipped tar, byte for byte reproducible, and its manifest (name, version,
# sha256, size and every member's own sha256 and size). docs/data.md.
#
#   scripts/make_data_bundle.sh [--src DIR] [--out DIR] [--version V] [PATH ...]
#
#   --src DIR     the shared data directory (default: ../shared/data beside the repository)
#   --out DIR     where to write entente-data-V.tar.gz and manifest.json (default: out/bundle)
#   --version V   the bundle version (default: the one in data/bundle/manifest.json)
#   PATH ...      files or folders under --src to include (default: all of them); tests
#                 build small bundles of a subset this way
#
# Reproducible: members are regular files only, in C-locale byte order of their
# paths, with owner/group 0, mode 0644 and a fixed mtime, in GNU tar format (no
# pax headers, which would carry the process id), compressed by `gzip -n` (no
# name or time stamp). The same input files, tar and gzip give the same bytes
# and so the same sha256; data/bundle/manifest.json records the result for
# ../shared/data.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

SRC="$ROOT/../shared/data"
OUT="$ROOT/out/bundle"
VERSION=""
PATHS=()
while (($#)); do
  case "$1" in
    --src) SRC=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --version) VERSION=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "make_data_bundle: unknown option $1" >&2; exit 1 ;;
    *) PATHS+=("$1"); shift ;;
  esac
done
if [ -z "$VERSION" ]; then
  VERSION=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
    "$ROOT/data/bundle/manifest.json")
fi
[ -d "$SRC" ] || { echo "make_data_bundle: no directory $SRC (pass --src DIR)" >&2; exit 1; }
SRC=$(cd "$SRC" && pwd)
((${#PATHS[@]})) || PATHS=(.)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# Bundle times are fixed, not today's date: 2000-01-01T00:00:00Z.
readonly FIXED_MTIME=946684800
readonly ARCHIVE="entente-data-$VERSION.tar.gz"

LIST=$(mktemp)
trap 'rm -f "$LIST" "$OUT/$ARCHIVE.partial"' EXIT
(
  cd "$SRC"
  for p in "${PATHS[@]}"; do
    [ -e "$p" ] || { echo "make_data_bundle: $SRC/$p does not exist" >&2; exit 1; }
    find "$p" -type f -print0
  done
) | sed -z 's#^\./##' | LC_ALL=C sort -z -u >"$LIST"
[ -s "$LIST" ] || { echo "make_data_bundle: no files under $SRC" >&2; exit 1; }

LC_ALL=C tar --create --file=- --format=gnu --owner=0 --group=0 --numeric-owner --mode=0644 \
  --mtime="@$FIXED_MTIME" --directory="$SRC" --no-recursion --null --files-from="$LIST" |
  gzip -n -6 >"$OUT/$ARCHIVE.partial"
mv "$OUT/$ARCHIVE.partial" "$OUT/$ARCHIVE"

# The manifest: JSON written by Python's json module (correct escaping of any
# file name), members in archive order.
/usr/bin/python3 - "$SRC" "$OUT" "$ARCHIVE" "$VERSION" "$LIST" <<'PY'
import hashlib, json, os, sys

src, out, archive, version, listing = sys.argv[1:6]

def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

names = [n.decode("utf-8") for n in open(listing, "rb").read().split(b"\0") if n]
files = [{"path": n, "size": os.path.getsize(os.path.join(src, n)),
          "sha256": digest(os.path.join(src, n))} for n in names]
archive_path = os.path.join(out, archive)
manifest = {
    "format": 1,
    "name": "entente-data",
    "version": version,
    "archive": archive,
    "size": os.path.getsize(archive_path),
    "sha256": digest(archive_path),
    "urls": [],
    "files": files,
}
with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump(manifest, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{archive_path}: {manifest['size']} bytes, sha256 {manifest['sha256']}, {len(files)} files")
PY
