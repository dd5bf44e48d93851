#!/bin/sh
# Install KAMDesk for this user (no root needed): the app folder, a `kamdesk` command,
# the menu entry, its icon and the AppStream metainfo. Run again to upgrade.
#   ./install.sh            -> ~/.local/share/kamdesk-app, ~/.local/bin/kamdesk
#   PREFIX=/opt ./install.sh  (as root) -> /opt/kamdesk, /usr/local/bin, /usr/share
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${PREFIX:-}" ]; then
  app_dir="$PREFIX/kamdesk"; bin_dir=/usr/local/bin; share=/usr/share
else
  data="${XDG_DATA_HOME:-$HOME/.local/share}"
  app_dir="$data/kamdesk-app"; bin_dir="$HOME/.local/bin"; share="$data"
fi
mkdir -p "$app_dir" "$bin_dir" "$share/applications" "$share/metainfo" \
         "$share/icons/hicolor/scalable/apps"
rm -rf "$app_dir/app.new"
cp -R "$here/kamdesk" "$app_dir/app.new"
rm -rf "$app_dir/app"
mv "$app_dir/app.new" "$app_dir/app"
ln -sf "$app_dir/app/kamdesk" "$bin_dir/kamdesk"
ln -sf "$app_dir/app/kamdesk-cli" "$bin_dir/kamdesk-cli"
sed "s|^Exec=kamdesk|Exec=$app_dir/app/kamdesk|" "$here/io.kamdesk.KAMDesk.desktop" \
  > "$share/applications/io.kamdesk.KAMDesk.desktop"
cp "$here/io.kamdesk.KAMDesk.metainfo.xml" "$share/metainfo/"
cp "$here/kamdesk.svg" "$share/icons/hicolor/scalable/apps/kamdesk.svg"
cp "$here/uninstall.sh" "$app_dir/uninstall.sh"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
  && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "KAMDesk installed in $app_dir/app"
echo "Start it from the menu (Office > KAMDesk) or with: $bin_dir/kamdesk"
echo "Check it with: $bin_dir/kamdesk-cli --self-test"
echo "Uninstall with: $app_dir/uninstall.sh (your book and backups are kept)"
