import type { Problem } from "../core/problems.js";
import type { AssessmentLoadOptions } from "../io/assessment-load.js";
import { csvRecords, type CsvRecord } from "../io/csv.js";
import type { CsvTableContext } from "../io/csv-columns.js";
import type { CsvMapping } from "../io/csv-mapping.js";
import type { TableRows } from "../io/csv-row.js";
import { fullPath } from "../io/full-path.js";
import type { CsvPiece } from "../io/csv-stream.js";
import { loadRubric } from "../io/rubric-load.js";
import { rubricKey, scoreAgency } from "./agency-result.js";
import { ownString, ownText, SharedStrings } from "./own-string.js";
import type { FileOutcome, RubricTable, ScoredAgency } from "./types.js";

/** A table read in pieces: what reading its rows needs (from its header), and its row filter. */
export interface OpenTable {
  table: CsvTableContext;
  /** The key of the table's rubric (every valid row is scored with it). */
  key: string;
  where: CsvMapping["where"];
  delimiter: string;
}

/** A piece of a table's rows to score (on a worker thread or in this one). */
export interface TablePiece {
  file: string;
  header: CsvRecord;
  delimiter: string;
  piece: CsvPiece;
}

/**
 * What one row of a piece gave, in row order: its problems, and (for a row with an id) the id for the
 * duplicate check and its scored agency when valid. Whether the id was taken by an earlier row is
 * decided in order, by {@link TableScorer}.
 */
export interface PieceRow {
  problems: Problem[];
  claim?: { id: string; line: number; idAt: { line: number; column: number } };
  agency?: ScoredAgency;
}

/** Opens a table from its header with the load options (mapping, rubric); undefined when it has a problem. */
export function openTable(file: string, header: CsvRecord, delimiter: string, options: AssessmentLoadOptions): OpenTable | undefined {
  const { mapping, problems } = fullPath().loadCsvMapping(options.mapping ?? {}, options.rubric);
  if (problems.length > 0 || mapping.rubric === undefined) return undefined;
  const loaded = loadRubric(mapping.rubric);
  if (loaded.problem || !loaded.rubric) return undefined;
  const { table } = fullPath().tableContext(header.cells, mapping, loaded.rubric, mapping.rubric, file);
  return table ? { table, where: mapping.where, delimiter, key: rubricKey(loaded.rubric) } : undefined;
}

/**
 * Reads, checks and scores the rows of one piece: only the compact result of each row is kept (the
 * numbers a batch needs, no document). The rubrics used are added to `rubrics`.
 */
export function scorePiece(open: OpenTable, piece: CsvPiece, rubrics: RubricTable): PieceRow[] {
  const { table } = open;
  const full = fullPath();
  const syntax: Problem[] = [];
  const rows: PieceRow[] = [];
  for (const record of csvRecords(piece.text, table.file, syntax, open.delimiter, piece.line)) {
    const read = full.readRow(record, table);
    if (read === undefined) continue;
    if (read.kind === "problems") {
      rows.push({ problems: read.problems });
      continue;
    }
    const checked = full.checkRow(read, table);
    const row: PieceRow = { problems: checked.problems, claim: { id: read.id, line: read.line, idAt: read.idAt } };
    if (checked.loaded) {
      const { rubric, assessment } = checked.loaded;
      const key = rubricKey(rubric);
      if (!rubrics.has(key)) rubrics.set(key, rubric);
      row.agency = scoreAgency(rubric, assessment, { seq: 0, file: "", document: 0 });
      // The rubric's key is sent once with the rubric, not with every row (see TableScorer.compact).
      row.agency.rubric = key === open.key ? "" : key;
    }
    rows.push(row);
  }
  // The table was checked whole before its pieces were sent: a problem here means it changed since.
  if (syntax.length > 0) rows.unshift({ problems: syntax });
  return rows;
}

const NO_GATE: ScoredAgency["blockedBy"] = [];

/**
 * Takes the scored pieces of one table in order, as loadAssessmentCsvRows takes its rows: an id taken
 * by an earlier row is DUPLICATE_AGENCY, the agencies are numbered (`document`) in row order. Each
 * piece becomes a file outcome (`more: true`); `finish` gives the last one.
 */
export class TableScorer {
  private readonly rows: TableRows;
  private problems = 0;
  private readonly shared = new SharedStrings();

  constructor(
    private readonly file: string,
    private readonly where: CsvMapping["where"],
    private readonly key: string,
  ) {
    this.rows = new (fullPath().TableRows)(file);
  }

  /** The outcome of the next piece's rows. */
  take(rows: readonly PieceRow[]): FileOutcome {
    const problems: Problem[] = [];
    const agencies: ScoredAgency[] = [];
    for (const row of rows) {
      if (row.claim === undefined) {
        problems.push(...row.problems);
        continue;
      }
      // The id (and the name below) of its own: a row read in this thread is a slice of its piece's
      // text, which the table's duplicate check and the batch would otherwise keep whole.
      row.claim.id = ownString(row.claim.id);
      const taken = this.rows.claim(row.claim);
      if (taken) {
        problems.push(taken);
        continue;
      }
      problems.push(...row.problems);
      if (row.agency) {
        // One string for the id, in the table's duplicate check and in the batch's.
        row.agency.id = row.claim.id;
        agencies.push(this.compact(row.agency, this.rows.next()));
      }
    }
    this.problems += problems.length;
    return { file: this.file, agencies, problems, more: true, owned: true, idsChecked: true };
  }

  /** The table's last outcome: no row selected by the row filter is a problem. */
  finish(): FileOutcome {
    const none = this.problems === 0 && this.rows.count === 0;
    return { file: this.file, agencies: [], problems: none ? [fullPath().noRowSelected(this.where, this.file)] : [] };
  }

  /** An agency with its row number, sharing the strings every agency of the table repeats (a copy each after a worker's message). */
  private compact(agency: ScoredAgency, document: number): ScoredAgency {
    const s = this.shared;
    agency.document = document;
    agency.file = this.file;
    agency.rubric = agency.rubric === "" ? this.key : s.string(agency.rubric);
    agency.classification = s.string(agency.classification);
    agency.stage = s.string(agency.stage);
    agency.next = s.string(agency.next);
    agency.weakest = s.string(agency.weakest);
    agency.groups = s.groupSet(agency.groups);
    if (agency.name !== undefined) agency.name = ownText(agency.name);
    if (agency.blockedBy.length === 0) agency.blockedBy = NO_GATE;
    if (agency.pendingGates.length === 0) agency.pendingGates = NO_GATE;
    return agency;
  }
}
