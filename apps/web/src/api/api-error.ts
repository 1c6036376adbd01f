import { FRENCH_REASON_MESSAGES } from '../../../../libs/common/src/errors/reason-messages.fr';

/** One bad row of a spreadsheet, as `extensions.details.rows` lists it. */
export interface SheetRow {
  line?: number;
  column?: string;
  message: string;
}

interface GraphQLErrorShape {
  message?: string;
  extensions?: { code?: string; reason?: string; details?: Record<string, unknown> };
}

const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'INVALID_INPUT',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
};

const sentences = FRENCH_REASON_MESSAGES as Record<string, (details: Record<string, unknown>) => string>;

function rowsOf(details: Record<string, unknown>): SheetRow[] {
  const rows = details.rows;
  if (!Array.isArray(rows)) return [];
  return rows
    .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    .map((row) => ({
      line: typeof row.line === 'number' ? row.line : undefined,
      column: typeof row.column === 'string' ? row.column : undefined,
      message: typeof row.message === 'string' ? row.message : '',
    }));
}

/**
 * A refusal of the API in the words of the people who read it: the French sentence of its
 * `extensions.reason` (libs/common's catalogue, shared with every client), and the spreadsheet's
 * bad rows when there are some. The code stays for the program.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly reason: string;
  readonly rows: SheetRow[];

  constructor(code: string, reason: string, message: string, rows: SheetRow[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.rows = rows;
  }

  static from(error: GraphQLErrorShape): ApiError {
    const code = error.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    const details = error.extensions?.details ?? {};
    const reason = error.extensions?.reason ?? BY_CODE[code] ?? 'INTERNAL';
    const sentence = (sentences[reason] ?? sentences[BY_CODE[code] ?? 'INTERNAL'] ?? sentences.INTERNAL)(details);
    return new ApiError(code, reason, sentence, rowsOf(details));
  }

  static network(): ApiError {
    return new ApiError('NETWORK', 'NETWORK', 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.');
  }
}
