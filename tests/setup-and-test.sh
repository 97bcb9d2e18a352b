#!/usr/bin/env bash
# The README's test command: brings what the tests need, then runs them.
#
# The whole-program tests read our exports with real readers: LibreOffice for the DOCX,
# poppler's pdftotext for the PDF, with the DejaVu fonts. When one is missing this
# script installs it with the system's package manager (apt-get, dnf or brew), as root
# or through sudo. The DOCX is also checked against Word's schema by `openxml-audit`
# (Python, from PyPI), installed with pip in a virtual environment under target/
# (or for the user when venv is missing). Then it runs `cargo test` with any arguments.
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

# Word's schema validator for the DOCX tests (tests/export_docx.rs looks in
# target/openxml-audit, then on the PATH; OPENXML_AUDIT overrides both).
audit_venv=target/openxml-audit
if [ ! -x "$audit_venv/bin/openxml-audit" ] && ! command -v openxml-audit >/dev/null 2>&1; then
    command -v python3 >/dev/null 2>&1 || {
        echo "tests/setup-and-test.sh: python3 ontbreekt (nodig voor openxml-audit, de controle van het Word-document)." >&2
        exit 1
    }
    echo "tests/setup-and-test.sh: installeert openxml-audit (controleert het Word-document tegen het schema)..." >&2
    mkdir -p target
    if python3 -m venv "$audit_venv" >/dev/null 2>&1; then
        "$audit_venv/bin/python" -m pip install --quiet openxml-audit
    else
        # No venv module (Debian without python3-venv): a user install, allowed
        # past an externally managed system Python only into the user's own site.
        rm -rf "$audit_venv"
        python3 -m pip install --quiet --user openxml-audit \
            || python3 -m pip install --quiet --user --break-system-packages openxml-audit
        export PATH="$(python3 -m site --user-base)/bin:$PATH"
    fi
fi

exec cargo test "$@"
