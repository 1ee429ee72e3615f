//! `data/tables.xlsx` (SPEC 5.3): every tidy table as a sheet of one workbook, for people who
//! open the results in Excel or LibreOffice: typed cells (numbers as numbers, `true`/`false`
//! as booleans, ids and other text as text, formula-like text guarded as in the CSV), a frozen
//! header, readable widths, and a first sheet that says what every column means in Welsh and
//! English. A table longer than a sheet continues on `<table> (2)`, ...; the workbook's own
//! date is the run's, so a run with `SOURCE_DATE_EPOCH` gives the same bytes.

use super::tables::TidyTable;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// Rows of data a sheet holds below its header (Excel's 1,048,576 rows less the header).
pub const ROWS_PER_SHEET: usize = 1_048_575;

/// Columns whose cells are text whatever they look like: ids, names, labels and places.
const TEXT_COLUMNS: [&str; 17] = [
    "project_id",
    "measure",
    "name",
    "organisation",
    "funders",
    "principle",
    "period",
    "first_date",
    "latest_date",
    "file",
    "sheet",
    "column",
    "value",
    "reason",
    "verdict",
    "row",
    "price_year",
];

/// What each column means, in English and in Welsh, for the first sheet.
const MEANINGS: [(&str, &str, &str); 24] = [
    (
        "project_id",
        "The project's code; ALL is every project together.",
        "Cod y prosiect; ALL yw pob prosiect gyda'i gilydd.",
    ),
    (
        "measure",
        "The measure (outcome scale or output), as its definition spells it.",
        "Y mesur (graddfa canlyniad neu allbwn), fel y mae ei ddiffiniad yn ei sillafu.",
    ),
    (
        "n_paired",
        "People with a baseline and a follow-up.",
        "Pobl sydd â llinell sylfaen ac asesiad dilynol.",
    ),
    (
        "n_baseline_only",
        "People with only a baseline.",
        "Pobl sydd â llinell sylfaen yn unig.",
    ),
    (
        "mean_baseline, mean_followup, mean_change, sd_change",
        "Means of the paired people's scores and of their changes, and the changes' standard deviation.",
        "Cymedrau sgorau a newidiadau'r bobl wedi'u paru, a gwyriad safonol y newidiadau.",
    ),
    (
        "ci_low, ci_high",
        "The 95% interval of the mean change.",
        "Cyfwng 95% y newid cymedrig.",
    ),
    (
        "p_value",
        "Two-sided paired t-test.",
        "Prawf t pâr dwy ochr.",
    ),
    (
        "effect_size, es_ci_low, es_ci_high",
        "Cohen's d_z (positive means improvement) and its interval.",
        "d_z Cohen (positif yn golygu gwelliant) a'i gyfwng.",
    ),
    (
        "pct_improved",
        "Share of paired people who moved the better way at all (%).",
        "Cyfran y bobl wedi'u paru a symudodd i'r cyfeiriad gwell o gwbl (%).",
    ),
    (
        "pct_reliable_improvement, pct_no_reliable_change, pct_reliable_deterioration",
        "Shares of paired people by reliable change (%).",
        "Cyfrannau'r bobl wedi'u paru yn ôl newid dibynadwy (%).",
    ),
    (
        "pct_meaningful_improvement",
        "Share who improved by at least the minimal important difference (%).",
        "Cyfran a wellodd o leiaf y gwahaniaeth pwysig lleiaf (%).",
    ),
    (
        "suppressed",
        "TRUE when the row is hidden to protect a small group.",
        "TRUE pan guddir y rhes i ddiogelu grŵp bach.",
    ),
    (
        "verdict",
        "What a reader may conclude: improved..., no_clear_change, deteriorated, too_few, hidden.",
        "Beth y gall darllenydd ei gasglu.",
    ),
    (
        "pct_low_baseline, pct_low_followup",
        "Share in the reference's worst band at baseline and at follow-up (%).",
        "Cyfran yn y band gwaethaf ar y llinell sylfaen ac yn yr asesiad dilynol (%).",
    ),
    (
        "wellbys, social_value, social_value_low, social_value_high",
        "WELLBYs and their value in pounds (Green Book 2021), with the range.",
        "WELLBY a'u gwerth mewn punnoedd (Llyfr Gwyrdd 2021), gyda'r ystod.",
    ),
    (
        "ls_per_point, years, deadweight, attribution, wellby_value, price_year",
        "The settings the social value was worked out with.",
        "Y gosodiadau y cyfrifwyd y gwerth cymdeithasol â nhw.",
    ),
    (
        "budget, value_per_pound",
        "The project's budget, and social value for each £1 of it.",
        "Cyllideb y prosiect, a gwerth cymdeithasol am bob £1 ohoni.",
    ),
    (
        "period, value",
        "Outputs: a quarter (or total) and the sum of the values.",
        "Allbynnau: chwarter (neu gyfanswm) a swm y gwerthoedd.",
    ),
    (
        "stories, quotable, achieved, partly, not_yet",
        "Stories, those that may be quoted, and what was achieved.",
        "Straeon, y rhai y gellir eu dyfynnu, a'r hyn a gyflawnwyd.",
    ),
    (
        "assets ... enabling, doing_to ... doing_with, step_1 ... step_6",
        "Stories by principle, band and step of the spectrum of engagement.",
        "Straeon fesul egwyddor, band a cham y sbectrwm ymgysylltu.",
    ),
    (
        "first_date, first_score, latest_date, latest_score, change",
        "Self-audit: first and latest scores of a principle and the change.",
        "Hunanarchwiliad: sgorau cyntaf a diweddaraf egwyddor a'r newid.",
    ),
    (
        "output_measures, outcome_pairs, audit_score, quotable_stories",
        "Evidence for a principle from outputs, outcomes, stories and the self-audit.",
        "Tystiolaeth ar gyfer egwyddor o allbynnau, canlyniadau, straeon a'r hunanarchwiliad.",
    ),
    (
        "participants, cost_per_participant, cost_per_reliable_improvement",
        "People with any score, and the budget per person and per person reliably improved.",
        "Pobl ag unrhyw sgôr, a'r gyllideb fesul person a fesul person a wellodd yn ddibynadwy.",
    ),
    (
        "file, sheet, row, column, value, reason",
        "A row left out: where it is, the value and why.",
        "Rhes a adawyd allan: ble mae hi, y gwerth a pham.",
    ),
];

/// The workbook of `tables`, dated `run_time` (seconds since 1970).
pub fn tables_xlsx(tables: &[TidyTable], run_time: i64) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(run_time.max(0))?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let about = book.add_worksheet();
    about.set_name("About - Amdanom")?;
    for (c, head) in ["column / colofn", "meaning", "ystyr"].iter().enumerate() {
        about.write_string_with_format(0, c as u16, *head, &bold)?;
    }
    for (r, (column, en, cy)) in MEANINGS.iter().enumerate() {
        let r = r as u32 + 1;
        about.write_string(r, 0, *column)?;
        about.write_string(r, 1, *en)?;
        about.write_string(r, 2, *cy)?;
    }
    about.set_column_width(0, 48)?;
    about.set_column_width(1, 70)?;
    about.set_column_width(2, 70)?;
    about.set_freeze_panes(1, 0)?;
    for table in tables {
        let base = table.name.trim_end_matches(".csv");
        let chunks: Vec<&[Vec<String>]> = if table.rows.is_empty() {
            vec![&[]]
        } else {
            table.rows.chunks(ROWS_PER_SHEET).collect()
        };
        for (i, rows) in chunks.iter().enumerate() {
            let sheet = book.add_worksheet();
            sheet.set_name(if i == 0 {
                base.to_string()
            } else {
                format!("{base} ({})", i + 1)
            })?;
            write_sheet(sheet, table.header, rows, &bold)?;
        }
    }
    book.save_to_buffer()
}

fn write_sheet(
    sheet: &mut Worksheet,
    header: &[&str],
    rows: &[Vec<String>],
    bold: &Format,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, bold)?;
    }
    // Which columns hold text whatever they look like, found once for the sheet.
    let text_columns: Vec<bool> = header.iter().map(|h| TEXT_COLUMNS.contains(h)).collect();
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let col = c as u16;
            let text_column = text_columns.get(c).copied().unwrap_or(false);
            let number = || cell.parse::<f64>().ok().filter(|v| v.is_finite());
            match (cell.as_str(), text_column) {
                ("true", false) => sheet.write_boolean(r, col, true)?,
                ("false", false) => sheet.write_boolean(r, col, false)?,
                (_, false) if let Some(value) = number() => sheet.write_number(r, col, value)?,
                // Text as the CSV writes it: formula-like text keeps its leading '.
                _ => sheet.write_string(r, col, cell)?,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(cell.chars().count().min(60));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as f64 + 2.0).min(62.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
