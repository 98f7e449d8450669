//! What an `.xls` workbook announces, checked before calamine reads it.
//!
//! calamine reserves memory for every cell a sheet's DIMENSIONS record
//! announces (rows × columns) and follows the workbook stream's sector chain
//! for as long as the stream's declared size. A damaged or hostile file can
//! announce billions of cells, or a chain that loops: the allocation then
//! fails, which aborts the program (the browser's worker, the command-line
//! tool) instead of raising an error that could be caught. Found by fuzzing
//! (`fuzz/`, target `open_file`).
//!
//! This module reads the compound file (CFB, [MS-CFB]) just enough to
//! rebuild the workbook stream the way calamine does, with every index and
//! size checked against the file and never allocating more than the file
//! holds, then walks its records as calamine does (the globals, then each
//! sheet from the offset the globals give) and checks every DIMENSIONS record
//! (type 0x0200, [MS-XLS] 2.4.90). When the container cannot be read here,
//! a DIMENSIONS record at any position of the raw bytes is checked instead.

/// Why the workbook is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A sheet announces more cells than the calculator reads.
    TooManyCells(u64),
    /// The workbook stream's sector chain loops.
    LoopingChain,
}

const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const MINI_SECTOR: usize = 64;
/// calamine reads streams under this size from the mini stream.
const MINI_CUTOFF: usize = 4096;
const DIMENSIONS: u16 = 0x0200;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// Checks a workbook before calamine opens it: `Err` when it announces more
/// than `max_cells` cells in a sheet or its workbook stream's chain loops.
pub fn check(bytes: &[u8], max_cells: u64) -> Result<(), Refusal> {
    match workbook_stream(bytes) {
        Some(Ok(stream)) => check_sheets(&stream, max_cells),
        Some(Err(refusal)) => Err(refusal),
        None => scan_everywhere(bytes, max_cells),
    }
}

/// The records of a BIFF stream from `at`, as calamine's `RecordIter` cuts
/// them (type, length, data), until the stream ends or a record is cut.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream.get(at..).unwrap_or_default();
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((typ, data))
    })
}

/// As calamine reads the stream: the globals up to their EOF record, with a
/// BOUNDSHEET record (0x0085, [MS-XLS] 2.4.28) giving each sheet's offset;
/// then each sheet's records from there to its EOF (records of a nested
/// substream, such as an embedded chart, skipped). A sheet must not announce
/// (DIMENSIONS) nor hold cells spanning more than `max_cells`: calamine makes
/// a dense table from the first to the last row and column of its cells.
fn check_sheets(stream: &[u8], max_cells: u64) -> Result<(), Refusal> {
    const EOF: u16 = 0x000A;
    const BOF: u16 = 0x0809;
    const BOUNDSHEET: u16 = 0x0085;
    let sheets: Vec<usize> = records(stream, 0)
        .take_while(|(typ, _)| *typ != EOF)
        .filter(|(typ, _)| *typ == BOUNDSHEET)
        .filter_map(|(_, data)| u32_at(data, 0).map(|p| p as usize))
        .collect();
    for at in sheets {
        let mut extent = Extent::default();
        let (mut seen_bof, mut depth) = (false, 0usize);
        for (typ, data) in records(stream, at) {
            if depth > 0 {
                match typ {
                    BOF => depth += 1,
                    EOF => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                BOF if seen_bof => depth += 1,
                BOF => seen_bof = true,
                EOF => break,
                DIMENSIONS => too_many(data, max_cells)?,
                // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row, column.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                        extent.add(row, col, col);
                    }
                }
                // MulRk: row, first column, …, last column.
                0x00BD => {
                    let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                    if let (Some(row), Some(first), Some(last)) =
                        (u16_at(data, 0), u16_at(data, 2), last)
                    {
                        extent.add(row, first, last);
                    }
                }
                _ => {}
            }
            if extent.cells() > max_cells {
                return Err(Refusal::TooManyCells(extent.cells()));
            }
        }
    }
    Ok(())
}

/// The rows and columns a sheet's cells span.
#[derive(Default)]
struct Extent {
    rows: Option<(u16, u16)>,
    cols: Option<(u16, u16)>,
}

impl Extent {
    fn add(&mut self, row: u16, first_col: u16, last_col: u16) {
        let widen = |span: Option<(u16, u16)>, low: u16, high: u16| {
            Some(span.map_or((low, high), |(a, b)| (a.min(low), b.max(high))))
        };
        self.rows = widen(self.rows, row, row);
        self.cols = widen(self.cols, first_col.min(last_col), first_col.max(last_col));
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1),
            _ => 0,
        }
    }
}

fn too_many(data: &[u8], max_cells: u64) -> Result<(), Refusal> {
    match announced_cells(data) {
        Some(cells) if cells > max_cells => Err(Refusal::TooManyCells(cells)),
        _ => Ok(()),
    }
}

/// For bytes whose container cannot be read here: a DIMENSIONS record at any
/// position (more than calamine could see: it may refuse a file calamine
/// would read, never miss one it would choke on where the bytes are whole).
fn scan_everywhere(bytes: &[u8], max_cells: u64) -> Result<(), Refusal> {
    for at in 0..bytes.len() {
        if let Some((DIMENSIONS, data)) = records(bytes, at).next() {
            too_many(data, max_cells)?;
        }
    }
    Ok(())
}

/// calamine 0.38's `parse_dimensions` followed by its `rows × cols`.
fn announced_cells(r: &[u8]) -> Option<u64> {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0)?),
            u32::from(u16_at(r, 2)?),
            u32::from(u16_at(r, 4)?),
            u32::from(u16_at(r, 6)?),
        ),
        14 | 16 => (
            u32_at(r, 0)?,
            u32_at(r, 4)?,
            u32::from(u16_at(r, 8)?),
            u32::from(u16_at(r, 10)?),
        ),
        _ => return None,
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = u64::from(end.0.wrapping_sub(start.0).wrapping_add(1));
    let cols = u64::from(end.1.wrapping_sub(start.1).wrapping_add(1));
    Some(rows.saturating_mul(cols))
}

/// The compound file's sectors and allocation tables.
struct Cfb<'a> {
    bytes: &'a [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl<'a> Cfb<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        if bytes.get(..8)? != SIGNATURE {
            return None;
        }
        let sector = match u16_at(bytes, 0x1E)? {
            9 => 512,
            12 => 4096,
            _ => return None,
        };
        let sectors_in_file = bytes.len() / sector;
        // The FAT's sectors: 109 in the header, then the DIFAT chain.
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|i| u32_at(bytes, 0x4C + 4 * i))
            .collect();
        let mut difat = u32_at(bytes, 0x44)?;
        let mut seen = 0;
        while (difat as usize) < sectors_in_file && seen <= sectors_in_file {
            seen += 1;
            let at = (difat as usize + 1) * sector;
            let per = sector / 4 - 1;
            fat_sectors.extend((0..per).filter_map(|i| u32_at(bytes, at + 4 * i)));
            difat = u32_at(bytes, at + 4 * per)?;
        }
        let declared = u32_at(bytes, 0x2C)? as usize;
        let fat = fat_sectors
            .into_iter()
            .filter(|s| (*s as usize) < sectors_in_file)
            .take(declared)
            .flat_map(|s| {
                let at = (s as usize + 1) * sector;
                (0..sector / 4).filter_map(move |i| u32_at(bytes, at + 4 * i))
            })
            .collect();
        Some(Self { bytes, sector, fat })
    }

    /// Sector `n` (the last one of the file may be short).
    fn sector(&self, n: u32) -> Option<&'a [u8]> {
        let at = (n as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = at.checked_add(self.sector)?.min(self.bytes.len());
        self.bytes.get(at..end)
    }
}

/// A chain of `table` from `start`: at most `len` bytes, `size` bytes of each
/// unit read by `unit`. `None` if it breaks off, `Err` if it loops before
/// `len` bytes (calamine would follow the loop until `len`).
fn chain<'b>(
    table: &[u32],
    start: u32,
    len: usize,
    size: usize,
    unit: impl Fn(u32) -> Option<&'b [u8]>,
) -> Option<Result<Vec<u8>, Refusal>> {
    let mut out = Vec::new();
    let mut visited = vec![false; table.len()];
    let mut at = start;
    while at != END_OF_CHAIN && out.len() < len {
        let i = at as usize;
        match visited.get_mut(i) {
            Some(true) => return Some(Err(Refusal::LoopingChain)),
            Some(v) => *v = true,
            None => return None,
        }
        let data = unit(at)?;
        let take = data.len().min(size).min(len - out.len());
        out.extend_from_slice(&data[..take]);
        at = *table.get(i)?;
    }
    Some(Ok(out))
}

/// The workbook stream ("Workbook", else "Book", as calamine looks for it):
/// `None` when the container cannot be read here.
fn workbook_stream(bytes: &[u8]) -> Option<Result<Vec<u8>, Refusal>> {
    let cfb = Cfb::open(bytes)?;
    let whole = |n: u32| cfb.sector(n);
    let directory = match chain(
        &cfb.fat,
        u32_at(bytes, 0x30)?,
        bytes.len(),
        cfb.sector,
        whole,
    )? {
        Ok(d) => d,
        Err(refusal) => return Some(Err(refusal)),
    };
    let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
    let name = |e: &[u8]| -> String {
        let len = usize::from(u16_at(e, 0x40).unwrap_or(0)).min(64);
        let units: Vec<u16> = (0..len / 2)
            .filter_map(|i| u16_at(e, 2 * i))
            .take_while(|u| *u != 0)
            .collect();
        String::from_utf16_lossy(&units)
    };
    let entry = ["Workbook", "Book"].iter().find_map(|wanted| {
        entries
            .iter()
            .find(|e| name(e).eq_ignore_ascii_case(wanted))
    })?;
    let start = u32_at(entry, 0x74)?;
    let len = u32_at(entry, 0x78)? as usize;
    if len >= MINI_CUTOFF {
        return chain(&cfb.fat, start, len, cfb.sector, whole);
    }
    // A small stream lives in the mini stream (the root entry's stream),
    // cut in 64-byte mini sectors chained by the mini FAT.
    let root = entries.first()?;
    let mini_stream = match chain(
        &cfb.fat,
        u32_at(root, 0x74)?,
        bytes.len(),
        cfb.sector,
        whole,
    )? {
        Ok(s) => s,
        Err(refusal) => return Some(Err(refusal)),
    };
    let mini_fat: Vec<u32> = match chain(
        &cfb.fat,
        u32_at(bytes, 0x3C)?,
        bytes.len(),
        cfb.sector,
        whole,
    )? {
        Ok(t) => t.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect(),
        Err(refusal) => return Some(Err(refusal)),
    };
    let mini = |n: u32| {
        let at = (n as usize).checked_mul(MINI_SECTOR)?;
        mini_stream.get(at..at.checked_add(MINI_SECTOR)?.min(mini_stream.len()))
    };
    chain(&mini_fat, start, len, MINI_SECTOR, mini)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A DIMENSIONS record (BIFF8, 14 bytes of data) inside other bytes.
    fn record(
        first_row: u32,
        last_row_plus_1: u32,
        first_col: u16,
        last_col_plus_1: u16,
    ) -> Vec<u8> {
        let mut r = vec![0x00, 0x02, 14, 0];
        r.extend_from_slice(&first_row.to_le_bytes());
        r.extend_from_slice(&last_row_plus_1.to_le_bytes());
        r.extend_from_slice(&first_col.to_le_bytes());
        r.extend_from_slice(&last_col_plus_1.to_le_bytes());
        r.extend_from_slice(&[0, 0]);
        r
    }

    #[test]
    fn a_sheet_of_ordinary_size_passes() {
        // Rows 0 to 299, columns 0 to 11: 300 × 12 = 3 600 cells.
        let mut bytes = vec![7u8; 33];
        bytes.extend(record(0, 300, 0, 12));
        bytes.extend([1, 2, 3]);
        assert_eq!(check(&bytes, 2_000_000), Ok(()));
    }

    #[test]
    fn a_sheet_announcing_billions_of_cells_is_refused() {
        // Rows 0 to 4 294 967 294, columns 0 to 255: 4 294 967 295 × 256.
        let bytes = [vec![9u8; 5], record(0, u32::MAX, 0, 256)].concat();
        assert_eq!(
            check(&bytes, 2_000_000),
            Err(Refusal::TooManyCells(4_294_967_295 * 256))
        );
    }

    #[test]
    fn a_last_row_before_the_first_wraps_as_in_calamine_and_is_refused() {
        // First row 10, last row 4: (3 − 10 + 1) wraps to 2^32 − 6 rows, one column.
        let bytes = record(10, 4, 0, 1);
        assert_eq!(
            check(&bytes, 2_000_000),
            Err(Refusal::TooManyCells(4_294_967_290))
        );
    }

    #[test]
    fn the_limit_itself_is_allowed() {
        // 2 000 rows × 1 000 columns = 2 000 000 cells (columns start at 0:
        // a first column above 0xFF counts from 0, as in calamine).
        assert_eq!(check(&record(0, 2_000, 0, 1_000), 2_000_000), Ok(()));
        assert_eq!(
            check(&record(0, 2_001, 0, 1_000), 2_000_000),
            Err(Refusal::TooManyCells(2_001_000))
        );
    }

    /// A record: type, length, data.
    fn rec(typ: u16, data: &[u8]) -> Vec<u8> {
        let len = u16::try_from(data.len()).unwrap_or(u16::MAX);
        [typ.to_le_bytes().as_slice(), &len.to_le_bytes(), data].concat()
    }

    /// A workbook stream: globals (BOF, one BOUNDSHEET, EOF), then the sheet
    /// (BOF, `body`, EOF) at the offset the BOUNDSHEET gives.
    fn stream(body: &[u8]) -> Vec<u8> {
        let bof = rec(0x0809, &[0; 16]);
        let eof = rec(0x000A, &[]);
        // BOUNDSHEET: 4-byte offset, flags, name length 1, flags, "A".
        let globals_len = bof.len() + (4 + 9) + eof.len();
        let offset = u32::try_from(globals_len).unwrap_or(0);
        let sheet = rec(
            0x0085,
            &[offset.to_le_bytes().as_slice(), &[0, 0, 1, 0, b'A']].concat(),
        );
        [bof.clone(), sheet, eof.clone(), bof, body.to_vec(), eof].concat()
    }

    #[test]
    fn a_sheets_records_are_walked_from_the_offset_the_globals_give() {
        let dims = |rows: u32| rec(DIMENSIONS, &record(0, rows, 0, 10)[4..]);
        assert_eq!(check_sheets(&stream(&dims(300)), 2_000_000), Ok(()));
        assert_eq!(
            check_sheets(&stream(&dims(300_000)), 2_000_000),
            Err(Refusal::TooManyCells(3_000_000))
        );
        // The same bytes inside another record's data (a LABEL's text) are
        // not a record: a real workbook is not refused for its contents.
        let label = rec(0x0204, &record(0, u32::MAX, 0, 256));
        assert_eq!(check_sheets(&stream(&label), 2_000_000), Ok(()));
        assert!(scan_everywhere(&stream(&label), 2_000_000).is_err());
    }

    #[test]
    fn cells_far_apart_are_refused_as_calamine_would_fill_the_space_between() {
        // A number at A1 and one at row 65 536, column 256: 65 536 × 256 =
        // 16 777 216 cells in calamine's dense table.
        let number = |row: u16, col: u16| {
            rec(
                0x0203,
                &[row.to_le_bytes().as_slice(), &col.to_le_bytes(), &[0; 10]].concat(),
            )
        };
        let far = [number(0, 0), number(65_535, 255)].concat();
        assert_eq!(
            check_sheets(&stream(&far), 2_000_000),
            Err(Refusal::TooManyCells(16_777_216))
        );
        // 300 rows of 12 columns pass.
        let near = [number(0, 0), number(299, 11)].concat();
        assert_eq!(check_sheets(&stream(&near), 2_000_000), Ok(()));
        // A MulRk record's last column counts: row 0, columns 0 to 60 000, then
        // a number at row 40: 41 × 60 001 = 2 460 041.
        let mul_rk = rec(
            0x00BD,
            &[
                0u16.to_le_bytes().as_slice(),
                &0u16.to_le_bytes(),
                &[0; 6],
                &60_000u16.to_le_bytes(),
            ]
            .concat(),
        );
        let wide = [mul_rk, number(40, 0)].concat();
        assert_eq!(
            check_sheets(&stream(&wide), 2_000_000),
            Err(Refusal::TooManyCells(2_460_041))
        );
    }
}
