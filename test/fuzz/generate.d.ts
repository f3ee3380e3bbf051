// Types of generate.js (plain JavaScript, run without a build step) for the TypeScript tests.

/** The values each dimension of a generated program takes. */
export const DIMENSIONS: {
  imp: string[];
  kind: string[];
  login: string[];
  ctorLogin: boolean[];
  ops: string[];
  opsWhere: string[];
  noise: string[];
  cfg: string[];
};

/** The dimensions drawn for one program (see generate.js). */
export interface Shape {
  imp: string;
  localForm: 'from' | 'module';
  alias: string;
  kind: string;
  ctorLogin: boolean;
  ctorTimeout: 'kw' | 'positional' | 'none';
  login: string;
  factoryMode: 'inside' | 'caller' | 'bare';
  closingForm: 'contextlib' | 'from';
  loopForm: 'for' | 'while';
  helperReturns: boolean;
  conn: string;
  param: string;
  attr: string;
  ops: string[];
  listForm: 'nlst' | 'LIST';
  downloadForm: 'file' | 'chunks';
  opsWhere: string;
  connectKw: boolean;
  noise: string[];
  cfg: string;
  indent: '    ' | '\t' | '  ';
  eol: '\n' | '\r\n';
}

export interface Program {
  /** "SEED-INDEX" */
  id: string;
  seed: number;
  index: number;
  shape: Shape;
  /** the shape in one line (also in the program's docstring) */
  summary: string;
  /** the cleartext program */
  source: string;
  /** the same program written correctly by hand (FTP_TLS, prot_p()) */
  expected: string;
  /** 1-based lines of `source` that are noise */
  noiseLines: number[];
  /** 1-based lines of `source` that only serve the test set-up (the port trick of a constructor login) */
  setupLines: number[];
  /** the transfers the program makes */
  ops: string[];
}

/** Program number `index` of `seed`: the same program every time. */
export function generate(seed: number, index: number): Program;

/** "SEED-INDEX" -> its parts; throws on anything else. */
export function parseId(id: string): { seed: number; index: number };
