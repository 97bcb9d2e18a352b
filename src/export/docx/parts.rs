//! The package's parts around the body: styles, numbering, settings, footnotes,
//! header and footer, relationships, content types and properties. Child elements
//! follow the schema's sequence (ECMA-376 part 1), which Word checks.

use std::fmt::Write as _;

use super::{Package, escape, timestamp};
use crate::export::document::{CONFIDENTIAL_MARK, Document};

pub(super) const W_NS: &str =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
pub(super) const R_NS: &str =
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The numbering instance of the headings (a multi-level list bound to the heading
/// styles) and of the bullet lists.
pub(super) const HEADING_LIST: u32 = 1;
pub(super) const BULLET_LIST: u32 = 2;

pub(super) const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

pub(super) const APP_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>Clusterwerkbank</Application></Properties>";

pub(super) fn content_types(package: &Package, has_header: bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    if !package.pictures.is_empty() {
        out.push_str("<Default Extension=\"png\" ContentType=\"image/png\"/>");
    }
    let mut part = |name: &str, kind: &str| {
        let _ = write!(
            out,
            "<Override PartName=\"{name}\" ContentType=\"{kind}\"/>"
        );
    };
    part("/word/document.xml", &format!("{main}.document.main+xml"));
    part("/word/styles.xml", &format!("{main}.styles+xml"));
    part("/word/numbering.xml", &format!("{main}.numbering+xml"));
    part("/word/settings.xml", &format!("{main}.settings+xml"));
    part("/word/footnotes.xml", &format!("{main}.footnotes+xml"));
    part("/word/fontTable.xml", &format!("{main}.fontTable+xml"));
    part(
        "/word/theme/theme1.xml",
        "application/vnd.openxmlformats-officedocument.theme+xml",
    );
    part("/word/footer1.xml", &format!("{main}.footer+xml"));
    if has_header {
        part("/word/header1.xml", &format!("{main}.header+xml"));
    }
    part(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    part(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    out.push_str("</Types>");
    out
}

/// Relationship ids of the body's parts; pictures are `rIdGrafiek{n}`.
pub(super) const FOOTER_ID: &str = "rIdVoet";
pub(super) const HEADER_ID: &str = "rIdKop";

pub(super) fn document_rels(package: &Package, has_header: bool) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    let mut rel = |id: &str, kind: &str, target: &str| {
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{REL}/{kind}\" Target=\"{target}\"/>"
        );
    };
    rel("rIdStijlen", "styles", "styles.xml");
    rel("rIdNummering", "numbering", "numbering.xml");
    rel("rIdInstellingen", "settings", "settings.xml");
    rel("rIdVoetnoten", "footnotes", "footnotes.xml");
    rel("rIdLettertypen", "fontTable", "fontTable.xml");
    rel("rIdThema", "theme", "theme/theme1.xml");
    rel(FOOTER_ID, "footer", "footer1.xml");
    if has_header {
        rel(HEADER_ID, "header", "header1.xml");
    }
    for n in 1..=package.pictures.len() {
        rel(
            &format!("rIdGrafiek{n}"),
            "image",
            &format!("media/grafiek{n}.png"),
        );
    }
    out.push_str("</Relationships>");
    out
}

pub(super) fn core_xml(doc: &Document) -> String {
    let stamp = timestamp(doc);
    let author = if doc.meta.author.is_empty() {
        "Clusterwerkbank".to_owned()
    } else {
        escape(&doc.meta.author)
    };
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>\
<dc:language>{lang}</dc:language><cp:revision>1</cp:revision>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>\
{keywords}</cp:coreProperties>",
        title = escape(&doc.meta.title),
        lang = escape(&doc.meta.language),
        keywords = if doc.meta.confidential {
            format!("<cp:keywords>{}</cp:keywords>", escape(CONFIDENTIAL_MARK))
        } else {
            String::new()
        },
    )
}

/// Word's built-in styles under their own ids and names, so the cabinet edits on
/// with Word's Title, Heading 1–3 (numbered by [`NUMBERING_XML`], kept with the next
/// paragraph), Caption, Footnote Text/Reference, List Bullet and Table Grid.
pub(super) fn styles_xml(language: &str) -> String {
    let lang = escape(if language.is_empty() {
        "nl-BE"
    } else {
        language
    });
    let heading = |level: u32, size: u32, before: u32| {
        // Heading 3 is not numbered: the Document gives it no number either.
        let numbering = if level < 3 {
            format!(
                "<w:numPr><w:ilvl w:val=\"{}\"/><w:numId w:val=\"{HEADING_LIST}\"/></w:numPr>",
                level - 1
            )
        } else {
            String::new()
        };
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/>{numbering}<w:spacing w:before=\"{before}\" w:after=\"120\"/>\
<w:outlineLvl w:val=\"{}\"/></w:pPr>\
<w:rPr><w:b/><w:bCs/><w:color w:val=\"1F3864\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            level - 1
        )
    };
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\" w:cs=\"Calibri\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{lang}\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>\
</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"259\" w:lineRule=\"auto\"/>\
</w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>\
<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>\
<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/>\
<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after=\"240\"/>\
<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>\
{h1}{h2}{h3}\
<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>\
<w:spacing w:after=\"60\"/></w:pPr><w:rPr><w:i/><w:iCs/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>\
<w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>\
<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:numPr><w:numId w:val=\"{BULLET_LIST}\"/></w:numPr>\
<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Noot\"><w:name w:val=\"Noot\"/><w:basedOn w:val=\"Normal\"/>\
<w:qFormat/><w:pPr><w:ind w:left=\"360\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Tabeltekst\"><w:name w:val=\"Tabeltekst\"/>\
<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:suppressAutoHyphens/><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>\
<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>\
<w:uiPriority w:val=\"39\"/><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:tblPr><w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>\
</w:tblBorders><w:tblCellMar><w:left w:w=\"{inset}\" w:type=\"dxa\"/><w:right w:w=\"{inset}\" w:type=\"dxa\"/></w:tblCellMar>\
</w:tblPr></w:style></w:styles>",
        h1 = heading(1, 28, 360),
        h2 = heading(2, 24, 240),
        h3 = heading(3, 22, 200),
        inset = (crate::export::fit::CELL_INSET * 20.0).round(),
    );
    out
}

/// One multi-level list for the headings ("1." and "1.1", bound to Heading 1 and
/// Heading 2, so a section added in Word renumbers the rest) and one for bullets.
pub(super) const NUMBERING_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading1\"/>\
<w:suff w:val=\"space\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl>\
<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"Heading2\"/>\
<w:suff w:val=\"space\"/><w:lvlText w:val=\"%1.%2\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl>\
</w:abstractNum>\
<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/>\
<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
</w:numbering>";

/// The one font the styles name; Word asks for a font table.
pub(super) const FONT_TABLE_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:font w:name=\"Calibri\"><w:panose1 w:val=\"020F0502020204030204\"/><w:charset w:val=\"00\"/>\
<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>";

/// A small theme (colours, Calibri, plain fills and lines) so the package has every
/// part Word's schema asks for; the styles set their own fonts and colours.
pub(super) fn theme_xml() -> String {
    let colour = |name: &str, rgb: &str| format!("<a:{name}><a:srgbClr val=\"{rgb}\"/></a:{name}>");
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = format!("<a:ln w=\"6350\">{fill}</a:ln>");
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    let font = "<a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>";
    format!(
        "{DECLARATION}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Clusterwerkbank\">\
<a:themeElements><a:clrScheme name=\"Clusterwerkbank\">\
<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1><a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>\
{}{}{}{}{}{}{}{}{}{}</a:clrScheme>\
<a:fontScheme name=\"Clusterwerkbank\"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme>\
<a:fmtScheme name=\"Clusterwerkbank\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
<a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>",
        colour("dk2", "1F3864"),
        colour("lt2", "E7E6E6"),
        colour("accent1", "4472C4"),
        colour("accent2", "ED7D31"),
        colour("accent3", "A5A5A5"),
        colour("accent4", "FFC000"),
        colour("accent5", "5B9BD5"),
        colour("accent6", "70AD47"),
        colour("hlink", "0563C1"),
        colour("folHlink", "954F72"),
    )
}

pub(super) fn settings_xml(language: &str) -> String {
    let lang = escape(if language.is_empty() {
        "nl-BE"
    } else {
        language
    });
    format!(
        "{DECLARATION}<w:settings {W_NS}><w:defaultTabStop w:val=\"708\"/>\
<w:autoHyphenation/><w:hyphenationZone w:val=\"425\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
<w:themeFontLang w:val=\"{lang}\"/></w:settings>"
    )
}

/// The separator notes Word expects (ids -1 and 0), then one note per footnote.
pub(super) fn footnotes_xml(package: &Package) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<w:footnotes {W_NS}>\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>\
<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, note) in package.footnotes.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>",
            i + 1
        );
        super::body::text_run(&mut out, note, "");
        out.push_str("</w:p></w:footnote>");
    }
    out.push_str("</w:footnotes>");
    out
}

/// The running footer: the document's footer text, then "pagina" and the page.
pub(super) fn footer_xml(doc: &Document) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<w:ftr {W_NS} {R_NS}><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
    );
    let lead = if doc.meta.footer.is_empty() {
        "Pagina ".to_owned()
    } else {
        format!("{} \u{2013} pagina ", doc.meta.footer)
    };
    super::body::text_run(&mut out, &lead, "");
    out.push_str(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>\
<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>\
<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>",
    );
    out
}

pub(super) fn header_xml(doc: &Document) -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        "<w:hdr {W_NS} {R_NS}><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
    );
    super::body::text_run(&mut out, &doc.meta.header, "<w:b/><w:bCs/>");
    out.push_str("</w:p></w:hdr>");
    out
}
