/** An amount in fen as yuan with two decimals, as the projects' spreadsheets write money ("1234.50"). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
