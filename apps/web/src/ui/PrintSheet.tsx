import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import type { ReactNode } from "react";

type PrintSheetProps = {
  /** The label of the print button (打印), which stays off the paper. */
  printLabel: string;
  /** A wide table prints better across the page. */
  orientation?: "portrait" | "landscape";
  children: ReactNode;
};

/**
 * A document officials print, outside the console layout (no menu, no header): an A4-wide sheet on
 * screen, A4 pages with margins on paper; tables, figures and signature blocks are not split across
 * pages (global.css, `.sanshe-print-sheet`).
 */
export function PrintSheet({ printLabel, orientation = "portrait", children }: PrintSheetProps) {
  return (
    <main className="sanshe-print-sheet">
      <style>{`@page { size: A4 ${orientation}; margin: 18mm 15mm; }`}</style>
      <Button className="sanshe-no-print" icon={<PrinterOutlined />} onClick={() => window.print()} style={{ float: "right" }}>
        {printLabel}
      </Button>
      {children}
    </main>
  );
}

/** Two or more signature blocks side by side (甲方、乙方 or 评估方、购买方): the party, seal, signature and date lines. */
export function SignatureBlocks({ parties }: { parties: { key: string; title: ReactNode; lines: string[] }[] }) {
  return (
    <section className="sanshe-print-signatures">
      {parties.map((party) => (
        <div key={party.key}>
          <p>
            <strong>{party.title}</strong>
          </p>
          {party.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ))}
    </section>
  );
}

/** A printed table of facts, one labelled row each (label in the first column, `labelWidth` wide). */
export function PrintFacts({ rows, labelWidth, testId }: { rows: [string, ReactNode][]; labelWidth: string; testId?: string }) {
  return (
    <table data-testid={testId}>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" style={{ width: labelWidth }}>
              {label}
            </th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
