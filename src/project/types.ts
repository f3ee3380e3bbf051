// What the project-wide pass (src/project/) knows about the modules of a repository, as plain data: it is
// computed once per module, crosses into worker threads, and is what a file's analysis reads for its imports.

/** What a module-level name of a project module is, as far as ftplib is concerned (after ftptls's rewrite). */
export type Exported =
  /**
   * A class: ftplib's own (`ftplibName`, a re-export) or a subclass defined there. tls: what it is now;
   * ownInit: its constructor's arguments are not FTP's; protects: its login() already calls prot_p().
   */
  | {
      kind: 'class';
      tls: boolean;
      ownInit: boolean;
      protects: boolean;
      ftplibName?: 'FTP' | 'FTP_TLS';
      line: number;
    }
  /** A connection made at module level; partial: on some paths only (other values on the others). */
  | { kind: 'conn'; tls: boolean; protects: boolean; line: number; partial?: boolean }
  /** A function whose call gives back a connection (a factory) or a class. */
  /**
   * A function of the module: what calling it gives back, when it is a connection or a class (a factory);
   * logsIn: the positions of the parameters it logs in (`def sign_on(conn, creds): conn.login(*creds)`).
   */
  /**
   * origin: where a helper passed on from another module is defined (`from app.helpers import sign_on` in
   * app.util): the calls made through this module are that module's to hear about.
   */
  | { kind: 'function'; returns?: Exported; logsIn?: number[]; origin?: HelperOrigin; line: number }
  /**
   * A class of the module (not ftplib's) whose instances hold connections or factories: what its attributes,
   * methods and properties give (`client.ftp`, `client.connect()`).
   */
  /** logsIn: the positions of the constructor's arguments its methods log in (`Session(conn).open()`). */
  | {
      kind: 'holder';
      attributes: Record<string, Exported>;
      logsIn?: number[];
      /** As a function's: where a class passed on from another module is defined. */
      origin?: HelperOrigin;
      line: number;
    }
  /** A submodule (`from pkg import mod`). */
  | { kind: 'module'; module: string }
  /** What the analysis stopped following (src/analysis/callables.ts): it may be an ftplib connection. */
  | { kind: 'unfollowed'; line: number };

/** A helper's own module and name. */
export interface HelperOrigin {
  module: string;
  name: string;
}

export interface ModuleSummary {
  /** Dotted module name (`backup.net`), and the file, as the run names it. */
  module: string;
  path: string;
  exports: Record<string, Exported>;
  /**
   * Names the rewrite took away and what now stands for them (`FTP` -> `FTP_TLS` after
   * `from ftplib import FTP` became `from ftplib import FTP_TLS`): where tests patch `module.FTP`, they must now
   * patch `module.FTP_TLS`.
   */
  renamed: Record<string, string>;
  /**
   * A line where the module still makes a connection with ftplib's cleartext FTP after the rewrite (a site
   * suppressed or left for a person): a test that patches ftplib.FTP for it needs that patch as it is.
   */
  cleartext?: number;
  /** Of the names in `exports`, those its literal `__all__` lists (what `from module import *` gives), when it has one. */
  all?: string[];
}

/** The project as one file's analysis sees it. */
export interface ProjectView {
  /** This file's dotted module name, when it is inside an import root. */
  module?: string;
  /** This module is a package's `__init__` (relative imports start from it, not from its parent). */
  isPackage?: boolean;
  /** Summaries of the project modules analysed so far, by dotted name. */
  summaries: Record<string, ModuleSummary>;
  /** Names other modules of the project import from this one (`from ._compat import FTP`: FTP). */
  wanted?: string[];
  /**
   * What the calls of this module's functions in other modules pass for the parameters they log in: by function
   * name and parameter position (see Passed).
   */
  passed?: Record<string, Record<number, Passed>>;
}

/**
 * 'tls': every such call passes an FTP_TLS connection; 'mixed': some do, others pass what is not known to be
 * one; 'other': none is known to.
 */
export type Passed = 'tls' | 'mixed' | 'other';
