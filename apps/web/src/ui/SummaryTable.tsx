import { Table } from "antd";
import type { TableProps } from "antd";

/** A small table showing every row at once (figures of a report, a short fixed list): no pagination. */
export function SummaryTable<Row extends object>(props: Omit<TableProps<Row>, "size" | "pagination">) {
  return <Table<Row> size="small" pagination={false} {...props} />;
}
