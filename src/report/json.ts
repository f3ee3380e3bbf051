// The JSON report: one document for scripts, described by schema/report.schema.json. Field order is fixed
// (objects are built key by key, optional keys only when set) so that output is stable byte for byte.
// Any change to the shape bumps `version` and the schema.
import type { FileResult, Finding } from '../types.js';
import type { Summary } from './summary.js';

export const JSON_REPORT_VERSION = 2;

export interface JsonFinding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  status: Finding['status'];
  message: string;
  reason?: string;
  marker?: string;
  cell?: number;
  related?: { path: string; line: number; message: string }[];
}

export interface JsonFile {
  path: string;
  status: FileResult['status'];
  findings: JsonFinding[];
  error?: string;
  skipReason?: string;
  /** The configuration file the file was processed with (version 2). */
  config?: string;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: 'ftptls';
  files: JsonFile[];
  summary: Summary;
}

export function jsonReport(results: FileResult[], summary: Summary): string {
  const writer = new JsonReportWriter();
  return writer.head() + results.map((r) => writer.file(r)).join('') + writer.tail(summary);
}

/**
 * The same document piece by piece, for output that cannot wait for the whole run: head(), file() for each
 * result in order, tail(). Their concatenation is exactly `JSON.stringify(report, null, 2)`.
 */
export class JsonReportWriter {
  private files = 0;

  head(): string {
    return `{\n  "version": ${JSON_REPORT_VERSION},\n  "tool": "ftptls",\n  "files": [`;
  }

  file(r: FileResult): string {
    return `${this.files++ ? ',' : ''}\n    ${nested(JSON.stringify(jsonFile(r), null, 2), '    ')}`;
  }

  tail(summary: Summary): string {
    const s: Summary = {
      files: summary.files,
      changed: summary.changed,
      unchanged: summary.unchanged,
      skipped: summary.skipped,
      errors: summary.errors,
      fixed: summary.fixed,
      suppressed: summary.suppressed,
      manual: summary.manual,
      seconds: summary.seconds,
    };
    return `${this.files ? '\n  ' : ''}],\n  "summary": ${nested(JSON.stringify(s, null, 2), '  ')}\n}`;
  }
}

/** A value's JSON text as it reads nested in an indented document: its lines after the first go `indent` deeper. */
export function nested(text: string, indent: string): string {
  return text.replace(/\n/g, `\n${indent}`);
}

function jsonFile(r: FileResult): JsonFile {
  const file: JsonFile = { path: r.path, status: r.status, findings: r.findings.map(jsonFinding) };
  // The schema requires a reason for error and skipped; producers set one, this keeps the output valid if not.
  if (r.error !== undefined || r.status === 'error') file.error = r.error ?? 'could not be processed';
  if (r.skipReason !== undefined || r.status === 'skipped')
    file.skipReason = r.skipReason ?? r.error ?? 'skipped';
  if (r.config !== undefined) file.config = r.config;
  return file;
}

function jsonFinding(f: Finding): JsonFinding {
  const out: JsonFinding = {
    rule: f.rule,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    status: f.status,
    message: f.message,
  };
  if (f.reason !== undefined) out.reason = f.reason;
  if (f.marker !== undefined) out.marker = f.marker;
  if (f.cell !== undefined) out.cell = f.cell;
  if (f.related !== undefined) out.related = f.related;
  return out;
}
