// Types of server.js (plain JavaScript, run without a build step) for the TypeScript tests.
export const SYSTEM_PYTHON: string;

export interface FuzzServer {
  host: string;
  port: number;
  user: string;
  password: string;
  home: string;
  certFile: string;
  stop(): Promise<void>;
}

export function serverUnavailable(): string | undefined;
export function startServer(options?: {
  lifetimeSeconds?: number;
  tlsOptional?: boolean;
  user?: string;
}): Promise<FuzzServer>;
