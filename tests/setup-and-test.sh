#!/usr/bin/env bash
# The README's test command: brings what the tests need, then runs them.
#
# The whole-program tests read our exports with real readers: LibreOffice for the DOCX,
# poppler's pdftotext for the PDF, with the DejaVu fonts. When one is missing this
# script installs it with the system's package manager (apt-get, dnf or brew), as root
# or through sudo; then it runs `cargo test` with any arguments given.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler)
if command -v fc-list >/dev/null 2>&1; then
    fc-list 2>/dev/null | grep -qi "DejaVuSans" || missing+=(dejavu)
elif [ ! -d /usr/share/fonts/truetype/dejavu ] && [ "$(uname)" = Linux ]; then
    missing+=(dejavu)
fi

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else
        echo "tests/setup-and-test.sh: ${missing[*]} ontbreekt en er is geen root of sudo om het te installeren." >&2
        exit 1
    fi
}

if [ ${#missing[@]} -gt 0 ]; then
    echo "tests/setup-and-test.sh: installeert ${missing[*]} (nodig om de exports met echte lezers te controleren)..." >&2
    if command -v apt-get >/dev/null 2>&1; then
        pkgs=()
        for m in "${missing[@]}"; do
            case $m in
                libreoffice) pkgs+=(libreoffice-writer-nogui) ;;
                poppler) pkgs+=(poppler-utils) ;;
                dejavu) pkgs+=(fonts-dejavu-core) ;;
            esac
        done
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
    elif command -v dnf >/dev/null 2>&1; then
        pkgs=()
        for m in "${missing[@]}"; do
            case $m in
                libreoffice) pkgs+=(libreoffice-writer libreoffice-headless) ;;
                poppler) pkgs+=(poppler-utils) ;;
                dejavu) pkgs+=(dejavu-sans-fonts) ;;
            esac
        done
        as_root dnf install -y "${pkgs[@]}"
    elif command -v brew >/dev/null 2>&1; then
        for m in "${missing[@]}"; do
            case $m in
                libreoffice) brew install --cask libreoffice ;;
                poppler) brew install poppler ;;
                dejavu) brew install --cask font-dejavu ;;
            esac
        done
    else
        echo "tests/setup-and-test.sh: installeer zelf ${missing[*]} (LibreOffice, poppler-utils, DejaVu-lettertypen); geen apt-get, dnf of brew gevonden." >&2
        exit 1
    fi
fi

exec cargo test "$@"
