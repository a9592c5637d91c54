#!/usr/bin/env bash
# The macOS disk image: "Printer OAuth Wizard.app" (PyInstaller's BUNDLE, packaging/printer-oauth.spec)
# beside a link to /Applications, so a technician drags it across; no administrator rights needed
# if it is dragged into ~/Applications instead. Runs on macOS (hdiutil); the release workflow calls it.
#
#   packaging/macos/build-dmg.sh [APP] [DMG]     defaults: dist/Printer OAuth Wizard.app,
#                                                 dist/printer-oauth-<version>.dmg
#
# Signing and notarisation are optional and happen only when their variables are set (the
# workflow sets them from secrets); otherwise the .dmg is unsigned and Gatekeeper says the app
# "cannot be opened because Apple cannot check it for malicious software" (README "Install").
#   PRINTER_OAUTH_CODESIGN_IDENTITY   a "Developer ID Application: … (TEAMID)" identity in the
#                                     keychain: the .app is signed (hardened runtime, timestamp,
#                                     packaging/macos/entitlements.plist), then the .dmg
#   PRINTER_OAUTH_NOTARY_APPLE_ID, PRINTER_OAUTH_NOTARY_TEAM_ID, PRINTER_OAUTH_NOTARY_PASSWORD
#                                     (an app-specific password): the signed .dmg is sent to
#                                     Apple's notary service, waited for, and the ticket stapled
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import metadata; print(metadata.version())' "$root/packaging")
app=${1:-"$root/dist/Printer OAuth Wizard.app"}
dmg=${2:-"$root/dist/printer-oauth-$version.dmg"}
[ -d "$app" ] || { echo "no app at $app: build it with pyinstaller packaging/printer-oauth.spec" >&2; exit 1; }

identity=${PRINTER_OAUTH_CODESIGN_IDENTITY:-}
if [ -n "$identity" ]; then
  codesign --force --deep --options runtime --timestamp \
    --entitlements "$here/entitlements.plist" --sign "$identity" "$app"
  codesign --verify --deep --strict "$app"
  echo "signed: $app"
else
  echo "not signed (PRINTER_OAUTH_CODESIGN_IDENTITY is not set): $app"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Printer OAuth Wizard $version" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "$identity" ]; then
  codesign --force --timestamp --sign "$identity" "$dmg"
  if [ -n "${PRINTER_OAUTH_NOTARY_APPLE_ID:-}" ] && [ -n "${PRINTER_OAUTH_NOTARY_TEAM_ID:-}" ] \
     && [ -n "${PRINTER_OAUTH_NOTARY_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --wait \
      --apple-id "$PRINTER_OAUTH_NOTARY_APPLE_ID" --team-id "$PRINTER_OAUTH_NOTARY_TEAM_ID" \
      --password "$PRINTER_OAUTH_NOTARY_PASSWORD"
    xcrun stapler staple "$dmg"
    echo "notarized: $dmg"
  else
    echo "not notarized (PRINTER_OAUTH_NOTARY_* are not set): $dmg"
  fi
fi
echo "disk image: $dmg ($(du -m "$dmg" | cut -f1) MB)"
