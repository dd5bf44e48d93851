#!/bin/sh
# Remove what install.sh added. The book, its backups and settings (in the user data
# folder, ~/.local/share/KAMDesk) are NOT touched.
set -eu
if [ -n "${PREFIX:-}" ]; then
  app_dir="$PREFIX/kamdesk"; bin_dir=/usr/local/bin; share=/usr/share
else
  data="${XDG_DATA_HOME:-$HOME/.local/share}"
  app_dir="$data/kamdesk-app"; bin_dir="$HOME/.local/bin"; share="$data"
fi
rm -f "$bin_dir/kamdesk" "$bin_dir/kamdesk-cli" \
      "$share/applications/io.kamdesk.KAMDesk.desktop" \
      "$share/metainfo/io.kamdesk.KAMDesk.metainfo.xml" \
      "$share/icons/hicolor/scalable/apps/kamdesk.svg"
rm -rf "$app_dir/app" "$app_dir/uninstall.sh"
rmdir "$app_dir" 2>/dev/null || true
echo "KAMDesk removed (your book and backups are kept)."
