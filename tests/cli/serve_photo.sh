# dossier serve over a dossier whose passport is filed as a photo (a JPEG
# made from the sample's passport page): the page shows the passport's
# preview, masked (no --show-personal-data), served as a PNG; with
# --show-personal-data the plain picture. The server is always stopped.
set -euo pipefail
dossier=$1 src=$2
. "$src/tests/cli/serve_common.bash"
d=$tmp/photo
cp -r "$src/samples/brussels-highly-qualified" "$d"
pdftoppm -jpeg -r 100 -singlefile "$d/passport.pdf" "$d/passport"
rm "$d/passport.pdf"
sed -i 's|file: passport.pdf|file: passport.jpg|' "$d/dossier.yaml"

page() {
  for _ in $(seq 150); do
    curl -s --max-time 10 "$base/?token=$token" >"$tmp/page.html" || true
    grep -q 'id="verdict"' "$tmp/page.html" && break; sleep 0.2
  done
  grep -q 'id="verdict"' "$tmp/page.html" || { cat "$tmp/err"; echo "the page was never checked"; exit 1; }
}
fetch() {  # fetch /preview/NAME: a PNG
  curl -s --max-time 10 -D "$tmp/img.h" -o "$tmp/img.png" "$base$1?token=$token"
  [ "$(head -c 4 "$tmp/img.png" | tail -c 3)" = PNG ] || { echo "the preview $1 is not a PNG"; exit 1; }
  grep -qi '^content-type: image/png' "$tmp/img.h"
}
serve_start "$d" --lang en
page
img=$(grep -m1 -o '/preview/[0-9a-f]*\.masked\.png' "$tmp/page.html" || true)
[ -n "$img" ] || { echo "the passport photo has no masked preview"; exit 1; }
for _ in $(seq 100); do [ "$(code "$base$img?token=$token")" = 200 ] && break; sleep 0.2; done
fetch "$img"
serve_stop

serve_start "$d" --lang en --show-personal-data
page
sha=$(basename "$img" .masked.png)
grep -q "/preview/$sha\.png" "$tmp/page.html" || { echo "--show-personal-data: the photo's preview is not plain"; exit 1; }
for _ in $(seq 100); do [ "$(code "$base/preview/$sha.png?token=$token")" = 200 ] && break; sleep 0.2; done
fetch "/preview/$sha.png"
serve_stop
echo "serve: a passport filed as a photo has its preview, masked unless personal data is shown"
