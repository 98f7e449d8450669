//! Opening files: a Windows-1252 CSV, a hand-made XLSX, the calculator's own
//! XLSX annex, a saved convention. Expected figures are worked out by hand from
//! the cells written in each test.

mod support;
use support::d;

use budget_core::figures::{grand_planned, group_planned};
use budget_core::files::{self, FileError, FileKind, Opened};
use budget_core::read::{read_table, ColumnRole, FunderRef, ReadOptions, Reading};
use budget_core::{saved, Convention, Decimal, Measure, Part, Scope};

const VIENNE: &str = include_str!("../../../tests/fixtures/vienne-2024-solidarites.tsv");

fn table(opened: Opened) -> (FileKind, Option<String>, Reading) {
    match opened {
        Opened::Table {
            kind,
            sheet,
            reading,
        } => (kind, sheet, reading),
        Opened::Saved(_) => panic!("a table was expected"),
    }
}

/// Planned amount of funder `f` for action `a` (sum of its amounts).
fn planned(conv: &Convention, a: usize, f: usize) -> Decimal {
    conv.actions[a]
        .planned
        .iter()
        .filter(|p| p.funder == f)
        .map(|p| p.value)
        .sum()
}

fn declared(conv: &Convention, scope: Scope, measure: Measure) -> Option<Decimal> {
    conv.declared
        .iter()
        .find(|x| x.scope == scope && x.measure == measure)
        .map(|x| x.value)
}

#[test]
fn a_windows_1252_semicolon_csv_reads_correctly() {
    // What French Excel writes for "CSV (séparateur : point-virgule)":
    // ° = B0, é = E9, è = E8, € = 80, ’ = 92, œ = 9C in Windows-1252.
    let bytes: &[u8] = b"N\xB0;Intitul\xE9;Etat;D\xE9partement;Pr\xE9visionnel\r\n\
        1;Cr\xE8che \x80 l\x92\x9Cuvre;93 507,00 \x80;146 000,00 \x80;239 507,00 \x80\r\n\
        2;Th\xE9rapie;50 000,00 \x80;50 000,00 \x80;100 000,00 \x80\r\n";
    assert_eq!(files::kind_of("annexe.csv", bytes), Some(FileKind::Csv));
    let (kind, sheet, r) =
        table(files::open("annexe.csv", bytes, &ReadOptions::default()).unwrap());
    assert_eq!((kind, sheet), (FileKind::Csv, None));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.header_row, Some(1));
    let headers: Vec<&str> = r.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(
        headers,
        ["N°", "Intitulé", "Etat", "Département", "Prévisionnel"]
    );
    assert_eq!(r.columns[4].role, ColumnRole::PlannedTotal);
    let conv = &r.convention;
    assert_eq!(conv.actions.len(), 2);
    assert_eq!(conv.actions[0].title, "Crèche € l’œuvre");
    assert_eq!(conv.actions[1].title, "Thérapie");
    let (state, cd) = (conv.state().unwrap(), conv.departement_funder().unwrap());
    assert_eq!(planned(conv, 0, state), d("93507"));
    assert_eq!(planned(conv, 0, cd), d("146000"));
    // Declared "Prévisionnel" of action 1: 93 507 + 146 000 = 239 507.
    assert_eq!(
        declared(conv, Scope::Action(0), Measure::PlannedTotal),
        Some(d("239507"))
    );
    // Grand total: State 93 507 + 50 000 = 143 507; CD 146 000 + 50 000 = 196 000.
    let grand = grand_planned(conv).unwrap();
    assert_eq!(grand.funder(state), d("143507"));
    assert_eq!(grand.funder(cd), d("196000"));
    assert_eq!(grand.total, d("339507"));
}

#[test]
fn a_utf16_tab_separated_export_reads_correctly() {
    // Excel's "Texte Unicode": UTF-16 LE with a BOM, tab-separated.
    let text = "N°\tIntitulé\tEtat\r\n1\tCrèche\t12,50\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let (kind, _, r) = table(files::open("export.txt", &bytes, &ReadOptions::default()).unwrap());
    assert_eq!(kind, FileKind::Tsv);
    assert_eq!(r.convention.actions[0].title, "Crèche");
    assert_eq!(planned(&r.convention, 0, 0), d("12.5"));
}

#[test]
fn a_saved_convention_opens_as_a_convention() {
    let conv = read_table(VIENNE).convention;
    let json = saved::to_json(&conv);
    match files::open("vienne.json", json.as_bytes(), &ReadOptions::default()).unwrap() {
        Opened::Saved(loaded) => assert_eq!(loaded, conv),
        Opened::Table { .. } => panic!("a saved convention was expected"),
    }
    // Without a name, the `{` says it.
    assert_eq!(files::kind_of("", json.as_bytes()), Some(FileKind::Saved));
    assert_eq!(
        files::table_grid("vienne.json", json.as_bytes()),
        Err(FileError::NotATable)
    );
}

#[test]
fn an_unknown_file_is_an_error_not_a_guess() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let e = files::open("photo.png", png, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        e,
        FileError::Unknown {
            name: "photo.png".into()
        }
    );
    assert!(e.to_string().starts_with("format de fichier non reconnu"));
}

#[cfg(feature = "spreadsheets")]
#[test]
fn a_damaged_workbook_is_an_error() {
    // The right signature, then nothing.
    let e = files::open(
        "annexe.xlsx",
        b"PK\x03\x04xl/workbook.xml",
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            FileError::Spreadsheet {
                kind: FileKind::Xlsx,
                ..
            } | FileError::Damaged {
                kind: FileKind::Xlsx,
                ..
            }
        ),
        "{e:?}"
    );
    let e = files::open(
        "annexe.xls",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
        &ReadOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            FileError::Spreadsheet {
                kind: FileKind::Xls,
                ..
            } | FileError::Damaged {
                kind: FileKind::Xls,
                ..
            }
        ),
        "{e:?}"
    );
}

/// The Vienne annex saved by LibreOffice, encrypted with the password
/// "secret" by msoffcrypto-tool 6.1.0 (`OOXMLFile.encrypt`), as Excel encrypts
/// an xlsx: an OLE2 file holding an "EncryptedPackage". Said to be protected,
/// as an xlsx, whatever its name says.
#[cfg(feature = "spreadsheets")]
#[test]
fn a_workbook_protected_by_a_password_is_said_to_be() {
    let bytes: &[u8] = include_bytes!("data/vienne-password.xlsx");
    for name in ["vienne.xlsx", "vienne.xls", "vienne"] {
        let e = files::open(name, bytes, &ReadOptions::default()).unwrap_err();
        assert_eq!(
            e,
            FileError::Protected {
                kind: FileKind::Xlsx
            },
            "{name}"
        );
    }
    let e = FileError::Protected {
        kind: FileKind::Xlsx,
    };
    assert_eq!(
        e.to_string(),
        "classeur XLSX protégé par un mot de passe : ouvrez-le dans votre tableur, \
         enregistrez-en une copie sans mot de passe et ouvrez cette copie (ou copiez-collez le \
         tableau)"
    );
    assert!(e
        .message(budget_core::Lang::En)
        .starts_with("XLSX workbook protected by a password: "));
}

/// A minimal workbook written by hand, as Excel would: shared strings, numbers
/// as numbers, a formula with its cached value, a date, a boolean, an error.
/// Sheet 1 ("Notes") has no table; sheet 2 ("Annexe") has its title on row 1
/// and its headings on row 3, from column B.
#[cfg(all(feature = "spreadsheets", feature = "xlsx-export"))]
fn hand_made_xlsx() -> Vec<u8> {
    use std::io::Write;
    let strings = [
        "Lisez-moi",         // 0
        "Convention 2024",   // 1
        "N°",                // 2
        "Intitulé",          // 3
        "Etat",              // 4
        "Département",       // 5
        "Budget global",     // 6
        "Date de signature", // 7
        "Crèche",            // 8
        "2",                 // 9
        "Thérapie",          // 10
        "3",                 // 11
        "Erreur & co",       // 12
    ];
    let sst: String = strings
        .iter()
        .map(|s| format!("<si><t>{}</t></si>", s.replace('&', "&amp;")))
        .collect();
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{sst}</sst>"#,
        strings.len()
    );
    let s = |r: &str, i: usize| format!(r#"<c r="{r}" t="s"><v>{i}</v></c>"#);
    let n = |r: &str, v: &str| format!(r#"<c r="{r}"><v>{v}</v></c>"#);
    let rows = [
        format!(r#"<row r="1">{}</row>"#, s("A1", 1)),
        format!(
            r#"<row r="3">{}{}{}{}{}{}</row>"#,
            s("B3", 2),
            s("C3", 3),
            s("D3", 4),
            s("E3", 5),
            s("F3", 6),
            s("G3", 7)
        ),
        // 1 | Crèche | 93507 | 146000.5 | =D4+E4 (239507.5) | 2024-03-15 (serial 45366)
        format!(
            r#"<row r="4">{}{}{}{}<c r="F4"><f>D4+E4</f><v>239507.5</v></c><c r="G4" s="1"><v>45366</v></c></row>"#,
            n("B4", "1"),
            s("C4", 8),
            n("D4", "93507"),
            n("E4", "146000.5")
        ),
        // "2" | Thérapie | 0.1 | 0.2 | =D5+E5 (0.3) | TRUE
        format!(
            r#"<row r="5">{}{}{}{}<c r="F5"><f>D5+E5</f><v>0.3</v></c><c r="G5" t="b"><v>1</v></c></row>"#,
            s("B5", 9),
            s("C5", 10),
            n("D5", "0.1"),
            n("E5", "0.2")
        ),
        // "3" | Erreur & co | #DIV/0! | 1.234 (one euro and 23.4 cents, not 1 234)
        format!(
            r#"<row r="6">{}{}<c r="D6" t="e"><f>1/0</f><v>#DIV/0!</v></c>{}</row>"#,
            s("B6", 11),
            s("C6", 12),
            n("E6", "1.234")
        ),
    ];
    let sheet2 = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:G6"/><sheetData>{}</sheetData></worksheet>"#,
        rows.concat()
    );
    let sheet1 = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{}</row></sheetData></worksheet>"#,
        s("A1", 0)
    );
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Annexe" sheetId="2" r:id="rId2"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        // Style 1: built-in number format 14, a date (jj/mm/aaaa).
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_string()),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[cfg(all(feature = "spreadsheets", feature = "xlsx-export"))]
#[test]
fn a_hand_made_xlsx_reads_with_exact_figures() {
    let bytes = hand_made_xlsx();
    // Misnamed: the content says xlsx.
    assert_eq!(files::kind_of("annexe.xls", &bytes), Some(FileKind::Xlsx));

    let grid = files::table_grid("annexe.xlsx", &bytes).unwrap();
    assert_eq!(grid.sheet.as_deref(), Some("Annexe"));
    // Row 4 (index 3): numbers as typed, the formula's cached value, the date.
    assert_eq!(
        grid.rows[3],
        [
            "",
            "1",
            "Crèche",
            "93507",
            "146000,5",
            "239507,5",
            "2024-03-15"
        ]
    );
    assert_eq!(grid.rows[4][6], "VRAI");
    assert_eq!(grid.rows[5][3], "#DIV/0!");
    assert_eq!(grid.rows[5][4], "1,234");
    assert!(grid.rows[1].is_empty());

    let (kind, sheet, r) =
        table(files::open("annexe.xlsx", &bytes, &ReadOptions::default()).unwrap());
    assert_eq!((kind, sheet.as_deref()), (FileKind::Xlsx, Some("Annexe")));
    assert_eq!(r.header_row, Some(3));
    assert_eq!(r.convention.title, "Convention 2024");
    let roles: Vec<ColumnRole> = r.columns.iter().map(|c| c.role.clone()).collect();
    let planned_of = |funder| ColumnRole::Planned {
        funder,
        part: Part::Base,
        year: None,
    };
    assert_eq!(
        roles,
        [
            ColumnRole::Ignored,
            ColumnRole::Number,
            ColumnRole::Title,
            planned_of(FunderRef::State),
            planned_of(FunderRef::Departement),
            ColumnRole::PlannedTotal,
            ColumnRole::Ignored,
        ]
    );
    let conv = &r.convention;
    let numbers: Vec<&str> = conv.actions.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert_eq!(conv.actions[2].title, "Erreur & co");
    assert_eq!(planned(conv, 0, 0), d("93507"));
    assert_eq!(planned(conv, 0, 1), d("146000.5"));
    // 0.1 and 0.2 exactly, not 0.1000000000000000055…
    assert_eq!(planned(conv, 1, 0), d("0.1"));
    assert_eq!(planned(conv, 1, 1), d("0.2"));
    assert_eq!(planned(conv, 2, 1), d("1.234"));
    assert_eq!(
        declared(conv, Scope::Action(0), Measure::PlannedTotal),
        Some(d("239507.5"))
    );
    assert_eq!(
        declared(conv, Scope::Action(1), Measure::PlannedTotal),
        Some(d("0.3"))
    );
    // The #DIV/0! cell is reported where Excel shows it: row 6, column D (4).
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    let e = &r.errors[0];
    assert_eq!(
        (e.row, e.column, e.header.as_str(), e.text.as_str()),
        (6, 4, "Etat", "#DIV/0!")
    );
    assert_eq!(
        e.to_string(),
        "ligne 6, colonne « Etat » : « #DIV/0! » — erreur du tableur d'origine"
    );
    // State: 93 507 + 0.1 = 93 507.1 (the error cell is absent, not zero);
    // CD: 146 000.5 + 0.2 + 1.234 = 146 001.934.
    let grand = grand_planned(conv).unwrap();
    assert_eq!(grand.funder(0), d("93507.1"));
    assert_eq!(grand.funder(1), d("146001.934"));
}

#[cfg(all(feature = "spreadsheets", feature = "xlsx-export"))]
#[test]
fn the_vienne_annex_survives_xlsx_and_back() {
    let original = read_table(VIENNE).convention;
    let bytes = budget_core::export::xlsx_annex(&original).unwrap();
    assert_eq!(files::kind_of("annexe", &bytes), Some(FileKind::Xlsx));
    let (_, sheet, r) = table(files::open("annexe.xlsx", &bytes, &ReadOptions::default()).unwrap());
    assert_eq!(sheet.as_deref(), Some("Annexe financière"));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let conv = &r.convention;
    // 4 + 5 + 5 rows (action 9 is in axes 2 and 3).
    assert_eq!(conv.actions.len(), 14);
    assert_eq!(conv.groups.len(), 3);
    let names: Vec<&str> = conv.funders.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["État", "Département", "Autres financeurs"]);
    // Computed from the rows (not the fixture's own totals, which are wrong):
    // axe 1, A: 93 507 + 50 000 + 69 698 + 25 000 = 238 205;
    // axe 2, A: 110 000 + 50 000 + 10 000 + 35 000 + 25 000 = 230 000;
    // axe 3, A: 20 000 + 25 428 + 30 000 + 15 000 + 0 = 90 428;
    // total A: 238 205 + 230 000 + 90 428 = 558 633.
    // B: 356 096 + 235 000 + 90 428 = 681 524 (axe 1: 146 000 + 50 000 +
    // 135 096 + 25 000 = 356 096; axe 2: 110 000 + 50 000 + 15 000 + 35 000 +
    // 25 000 = 235 000). C: 535 493. F: 558 633 + 681 524 + 535 493 = 1 775 650.
    let grand = grand_planned(conv).unwrap();
    assert_eq!(grand.by_funder, [d("558633"), d("681524"), d("535493")]);
    assert_eq!(grand.total, d("1775650"));
    let axe1 = group_planned(conv, 0).unwrap();
    assert_eq!(axe1.by_funder, [d("238205"), d("356096"), d("535493")]);
    let axe3 = group_planned(conv, 2).unwrap();
    assert_eq!(axe3.total, d("180856"));
    // The annex's own subtotal and total rows are declared figures, and this
    // time they agree with the computed ones.
    for g in 0..3 {
        let computed = group_planned(conv, g).unwrap();
        for f in 0..3 {
            assert_eq!(
                declared(conv, Scope::Group(g), Measure::Planned(f)),
                Some(computed.by_funder[f]),
                "group {g}, funder {f}"
            );
        }
        assert_eq!(
            declared(conv, Scope::Group(g), Measure::PlannedTotal),
            Some(computed.total)
        );
    }
    assert_eq!(
        declared(conv, Scope::Grand, Measure::Planned(0)),
        Some(d("558633"))
    );
    assert_eq!(
        declared(conv, Scope::Grand, Measure::PlannedTotal),
        Some(d("1775650"))
    );
    // Same actions, titles and groups as the fixture.
    for (a, b) in original.actions.iter().zip(&conv.actions) {
        assert_eq!((&a.number, &a.title), (&b.number, &b.title));
        assert_eq!(
            original.groups[a.group.unwrap()].name,
            conv.groups[b.group.unwrap()].name
        );
    }
}

#[cfg(all(feature = "spreadsheets", feature = "xlsx-export"))]
#[test]
fn awkward_text_survives_xlsx_and_back() {
    use budget_core::{Action, Amount, Group};
    let mut conv = Convention {
        title: "Convention <2024> & \"avenant\"".into(),
        ..Convention::default()
    };
    conv.groups.push(Group {
        name: "Volet _x0041_ 1".into(),
        ..Group::default()
    });
    let titles = [
        "=SOMME(A1:A3)",
        "Ligne 1\nLigne 2\r\nLigne 3",
        "Contrôle\u{1}caractère",
        "« guillemets » ; point-virgule, virgule",
    ];
    for (i, title) in titles.iter().enumerate() {
        conv.actions.push(Action {
            number: format!("{}", i + 1),
            title: title.to_string(),
            group: Some(0),
            planned: vec![Amount {
                funder: 0,
                year: None,
                part: Part::Base,
                // 1 234,56 × (i + 1), with a negative one.
                value: d("1234.56")
                    * Decimal::from(i as i64 + 1)
                    * if i == 2 { -Decimal::ONE } else { Decimal::ONE },
                formula: None,
            }],
            ..Action::default()
        });
    }
    let bytes = budget_core::export::xlsx_annex(&conv).unwrap();
    let (_, _, r) = table(files::open("a.xlsx", &bytes, &ReadOptions::default()).unwrap());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.convention.title, "Convention <2024> & \"avenant\"");
    assert_eq!(r.convention.groups[0].name, "Volet _x0041_ 1");
    let read_titles: Vec<&str> = r
        .convention
        .actions
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(read_titles, titles);
    // 1 234,56 × 3 = 3 703,68, negative.
    assert_eq!(planned(&r.convention, 2, 0), d("-3703.68"));
    // Total: 1 234,56 × (1 + 2 − 3 + 4) = 1 234,56 × 4 = 4 938,24.
    assert_eq!(grand_planned(&r.convention).unwrap().total, d("4938.24"));
}

/// The Vienne annex as LibreOffice 7.4 saved it in its three workbook formats
/// (from [`budget_core::export::csv_excel_fr`] imported with the French locale,
/// so that its amounts are numbers; `tests/data/`).
#[cfg(feature = "spreadsheets")]
#[test]
fn workbooks_saved_by_libreoffice_read_with_exact_figures() {
    let files: [(&str, &[u8], FileKind); 3] = [
        (
            "vienne.ods",
            include_bytes!("data/vienne-libreoffice.ods"),
            FileKind::Ods,
        ),
        (
            "vienne.xls",
            include_bytes!("data/vienne-libreoffice.xls"),
            FileKind::Xls,
        ),
        (
            "vienne.xlsx",
            include_bytes!("data/vienne-libreoffice.xlsx"),
            FileKind::Xlsx,
        ),
    ];
    for (name, bytes, expected_kind) in files {
        let (kind, sheet, r) = table(files::open(name, bytes, &ReadOptions::default()).unwrap());
        assert_eq!(kind, expected_kind, "{name}");
        assert!(sheet.is_some(), "{name}");
        assert!(r.errors.is_empty(), "{name}: {:?}", r.errors);
        assert_eq!(r.header_row, Some(1), "{name}");
        let conv = &r.convention;
        assert_eq!(conv.actions.len(), 14, "{name}");
        assert_eq!(conv.groups.len(), 3, "{name}");
        // Same figures as worked out in `the_vienne_annex_survives_xlsx_and_back`.
        let grand = grand_planned(conv).unwrap();
        assert_eq!(
            grand.by_funder,
            [d("558633"), d("681524"), d("535493")],
            "{name}"
        );
        assert_eq!(grand.total, d("1775650"), "{name}");
        // Action 1: 93 507 + 146 000 + 535 493 = 775 000.
        assert_eq!(planned(conv, 0, 0), d("93507"), "{name}");
        assert_eq!(
            declared(conv, Scope::Action(0), Measure::PlannedTotal),
            Some(d("775000")),
            "{name}"
        );
        assert_eq!(
            declared(conv, Scope::Grand, Measure::PlannedTotal),
            Some(d("1775650")),
            "{name}"
        );
    }
}

/// `n` bytes that look random (a linear congruential generator, fixed seed).
#[cfg(feature = "spreadsheets")]
fn noise(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x2024_0086;
    (0..n)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect()
}

/// Workbooks damaged by hand, from the ones LibreOffice saved: each gives
/// an error that names the workbook's kind and says it cannot be read, never
/// a panic nor a table. Some make calamine 0.38 panic (found by fuzzing and
/// by cutting `vienne-libreoffice.xls` at every 7th byte): the XLS cut after
/// 519 bytes (`utils.rs:29`, an assertion on the length of a sector table) or
/// after 6 658 bytes (`cfb.rs:320`, a slice past the end of a sector), and
/// the XLS with bytes changed at 2 485 and 4 431 (`xls.rs:633`, a sheet
/// offset past the end of the stream) or at 3 768 (`utils.rs:48`, a record
/// shorter than its fields). `files::open` turns those panics into the same
/// error as the others.
#[cfg(feature = "spreadsheets")]
#[test]
fn malformed_workbooks_are_errors_not_panics() {
    let xlsx: &[u8] = include_bytes!("data/vienne-libreoffice.xlsx");
    let xls: &[u8] = include_bytes!("data/vienne-libreoffice.xls");
    let ods: &[u8] = include_bytes!("data/vienne-libreoffice.ods");
    let changed = |bytes: &[u8], changes: &[(usize, u8)]| {
        let mut bytes = bytes.to_vec();
        for &(at, value) in changes {
            bytes[at] = value;
        }
        bytes
    };
    let cases: Vec<(&str, &str, Vec<u8>, FileKind)> = vec![
        (
            "xlsx cut in half",
            "annexe.xlsx",
            xlsx[..xlsx.len() / 2].to_vec(),
            FileKind::Xlsx,
        ),
        (
            // The end of central directory record is the last 22 bytes.
            "xlsx without its zip directory",
            "annexe.xlsx",
            xlsx[..xlsx.len() - 22].to_vec(),
            FileKind::Xlsx,
        ),
        (
            "zip signature then noise",
            "annexe.xlsx",
            [b"PK\x03\x04".as_slice(), &noise(2000)].concat(),
            FileKind::Xlsx,
        ),
        (
            // Sector shift (bytes 30–31 of the OLE2 header) 9 → 255.
            "xls header with an absurd sector size",
            "annexe.xls",
            changed(xls, &[(30, 0xFF)]),
            FileKind::Xls,
        ),
        (
            // First directory sector (bytes 48–51) → 0x7FFF_FFFF, far past the end.
            "xls header pointing past the end",
            "annexe.xls",
            changed(xls, &[(48, 0xFF), (49, 0xFF), (50, 0xFF), (51, 0x7F)]),
            FileKind::Xls,
        ),
        (
            "xls cut after 519 bytes",
            "annexe.xls",
            xls[..519].to_vec(),
            FileKind::Xls,
        ),
        (
            "xls cut after 6 658 bytes",
            "annexe.xls",
            xls[..6658].to_vec(),
            FileKind::Xls,
        ),
        (
            "xls with a sheet offset past the end",
            "annexe.xls",
            changed(xls, &[(2485, 0x83), (4431, 0xF0)]),
            FileKind::Xls,
        ),
        (
            "xls with a short record",
            "annexe.xls",
            changed(xls, &[(3768, 0xE5)]),
            FileKind::Xls,
        ),
        (
            "ods cut in half",
            "annexe.ods",
            ods[..ods.len() / 2].to_vec(),
            FileKind::Ods,
        ),
        (
            "random bytes named .ods",
            "annexe.ods",
            noise(4096),
            FileKind::Ods,
        ),
    ];
    let mut told = 0;
    for (case, name, bytes, kind) in cases {
        let result = files::open(name, &bytes, &ReadOptions::default());
        let Err(e) = result else {
            panic!("{case}: opened, not refused");
        };
        assert!(
            matches!(&e, FileError::Spreadsheet { kind: k, message } if *k == kind && !message.is_empty())
                || matches!(&e, FileError::Damaged { kind: k, .. } if *k == kind),
            "{case}: {e:?}"
        );
        let text = e.to_string();
        assert!(
            text.starts_with(&format!("classeur {} illisible : ", kind.label())),
            "{case}: {text}"
        );
        // What to do, in the user's language, whatever the reader said.
        if let FileError::Spreadsheet { message, .. } = &e {
            assert!(
                text.contains("enregistrez-le de nouveau, ou copiez-collez le tableau")
                    && text.ends_with(&format!("(le lecteur de classeurs dit : {message})")),
                "{case}: {text}"
            );
            let english = e.message(budget_core::Lang::En);
            assert!(
                english.starts_with(&format!(
                    "unreadable {} workbook: damaged file",
                    kind.label()
                )) && english.contains("save it again, or copy and paste the table"),
                "{case}: {english}"
            );
            told += 1;
        }
    }
    assert!(told > 0, "no case refused with the reader's message");
}

/// A workbook whose sheet announces billions of cells: calamine 0.38 would
/// reserve memory for all of them, and a failed allocation aborts the program
/// (no panic to catch). `files::open` refuses it first, saying why. Two
/// cases: the LibreOffice XLS with the last row of its DIMENSIONS record
/// (bytes 4 117–4 120) set to 0xFFFF_FFFF — 4 294 967 295 rows × 7 columns —
/// and the files the fuzzer found (`fuzz/`, target `open_file`): one announcing
/// 43 TB of cells, one whose cells lie so far apart that calamine's dense
/// table took more than 2 GB.
#[cfg(feature = "spreadsheets")]
#[test]
fn a_workbook_announcing_billions_of_cells_is_refused_not_aborted() {
    let xls: &[u8] = include_bytes!("data/vienne-libreoffice.xls");
    let mut huge = xls.to_vec();
    assert_eq!(
        &huge[4109..4113],
        &[0x00, 0x02, 0x0E, 0x00],
        "DIMENSIONS record"
    );
    huge[4117..4121].copy_from_slice(&[0xFF; 4]);
    let fuzzed: &[u8] = include_bytes!("data/fuzz-xls-huge-dimensions.xls");
    let far: &[u8] = include_bytes!("data/fuzz-xls-far-cells.xls");
    for (case, bytes) in [
        ("hand-made", huge.as_slice()),
        ("fuzzed", fuzzed),
        ("far cells", far),
    ] {
        match files::open("annexe.xls", bytes, &ReadOptions::default()) {
            Err(e @ FileError::Damaged { kind, .. }) => {
                assert_eq!(kind, FileKind::Xls, "{case}");
                let message = e.to_string();
                assert!(
                    message.starts_with("classeur XLS illisible : fichier endommagé ou incomplet"),
                    "{case}: {message}"
                );
                if case == "hand-made" {
                    // 4 294 967 295 × 7 = 30 064 771 065.
                    assert!(message.contains("30064771065 cellules"), "{message}");
                    assert_eq!(
                        e,
                        FileError::Damaged {
                            kind: FileKind::Xls,
                            damage: files::Damage::TooManyCells {
                                announced: 30_064_771_065
                            }
                        }
                    );
                }
            }
            other => panic!("{case}: {other:?}"),
        }
    }
    // The workbook as saved still opens.
    assert!(files::open("annexe.xls", xls, &ReadOptions::default()).is_ok());
}
