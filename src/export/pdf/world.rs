//! The smallest world typst needs: one generated source file, our three fonts, and
//! nothing else. There is no file system, package or network access, and no clock,
//! so the same markup always gives the same document.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

pub(super) struct MemoryWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    today: Option<Datetime>,
}

impl MemoryWorld {
    /// `today` is what `datetime.today()` answers; the markup never asks, but a
    /// document date rather than the clock keeps even that deterministic.
    pub(super) fn new(
        markup: String,
        font_files: &[&'static [u8]],
        today: Option<Datetime>,
    ) -> Result<Self, String> {
        let fonts: Vec<Font> = font_files
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        if fonts.len() != font_files.len() {
            return Err("het ingebouwde lettertype is onleesbaar".to_owned());
        }
        let path = VirtualPath::new("/mededeling.typ")
            .map_err(|e| format!("interne bestandsnaam: {e:?}"))?;
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        Ok(Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(id, markup),
            today,
        })
    }

    pub(super) fn source(&self) -> &Source {
        &self.main
    }
}

impl World for MemoryWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    // Charts arrive inline as `bytes(..)`; no other file may be read.
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
