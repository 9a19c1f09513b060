import { Empty, Flex, List, Spin, Table, Typography } from "antd";
import type { TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ColumnChooser, columnKeyOf, useColumnChoice } from "./ColumnChooser";
import { CursorPager } from "./CursorPager";
import { ProblemAlert } from "./ProblemAlert";
import type { CursorPaging } from "./useCursorPagination";

/** What a keyset-paginated list query offers: the page on screen, whether it is loading and its error. */
export type CursorListQuery<Item> = {
  data: { items: Item[]; next_cursor: string | null; total?: number; capped?: boolean } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
};

type CursorListPagerProps<Item> = {
  query: CursorListQuery<Item>;
  paging: CursorPaging;
};

/** The `CursorPager` of a list query: next cursor, item count and loading state taken from the query. */
export function CursorListPager<Item>({ query, paging }: CursorListPagerProps<Item>) {
  return (
    <CursorPager
      pagination={paging.pagination}
      nextCursor={query.data?.next_cursor}
      pageSize={paging.pageSize}
      onPageSizeChange={paging.setPageSize}
      itemCount={query.data?.items.length ?? 0}
      isLoading={query.isFetching}
    />
  );
}

/** "共 N 条" / "N records" ("10,000+" when the server stopped counting), or nothing before the first answer. */
export function ListTotal({ total, capped }: { total: number | undefined; capped?: boolean | undefined }) {
  const { t, i18n } = useTranslation();
  if (total === undefined) {
    return null;
  }
  const count = `${new Intl.NumberFormat(i18n.language).format(total)}${capped ? "+" : ""}`;
  return (
    <Typography.Text type="secondary" data-testid="list-total">
      {t("ui.list.total", { count })}
    </Typography.Text>
  );
}

/** Server-side sorting of a list: which column keys sort, the current `sort=` and its setter (URL state). */
export type ListSorting = {
  /** Column keys (the columns' `key`) the server allows in `sort=`. */
  allowed: readonly string[];
  /** `column` or `-column`, undefined for the list's default order. */
  sort: string | undefined;
  onChange: (sort: string | undefined) => void;
};

type CursorListTableProps<Item> = Omit<TableProps<Item>, "dataSource" | "loading" | "pagination" | "locale" | "scroll" | "columns"> & {
  columns: Array<ColumnType<Item>>;
  /** Sortable headers (the column's `key` must be in `allowed`); the sort goes to the server. */
  sorting?: ListSorting;
  /** With a key, a column chooser above the table; the choice is remembered in localStorage under it. */
  columnsKey?: string;
  /** Shown above the table on the left (an export button, a filter summary). */
  toolbar?: ReactNode;
  query: CursorListQuery<Item>;
  paging: CursorPaging;
  /** Horizontal scroll width of the table (none when absent). */
  scrollX?: number;
  /** Text of the empty state (usually "no match" when filters are set, otherwise what to do first). */
  emptyText: ReactNode;
  /** Whether the query's error is shown above the table (false when the page shows it elsewhere). */
  showError?: boolean;
  /** Shown left of the pager, on the same line; by default the list's total when the server counts. */
  pagerStart?: ReactNode;
};

/**
 * A server-paginated table: the query's error, the rows with an empty state, and the cursor pager
 * below with the total when the server counts. Optional server-side sorting (AntD sorters driven by
 * `sorting`, clicking a header cycles ascending → descending → the default order) and a column chooser
 * remembered per browser. Rows are keyed by `id` unless `rowKey` says otherwise.
 */
export function CursorListTable<Item extends object>({
  query,
  paging,
  scrollX,
  emptyText,
  showError = true,
  pagerStart,
  rowKey = "id",
  columns,
  sorting,
  columnsKey,
  toolbar,
  ...tableProps
}: CursorListTableProps<Item>) {
  const pager = <CursorListPager query={query} paging={paging} />;
  const choice = useColumnChoice(columnsKey, columns);
  const shown = useMemo(() => {
    const sortColumn = sorting?.sort?.replace(/^-/, "");
    const descending = sorting?.sort?.startsWith("-") ?? false;
    return columns
      .map((column, index) => ({ column, key: columnKeyOf(column, index) }))
      .filter(({ key }) => choice.visible(key))
      .map(({ column, key }): ColumnType<Item> => {
        if (!sorting || typeof column.key !== "string" || !sorting.allowed.includes(column.key)) {
          return column;
        }
        return {
          ...column,
          key,
          sorter: true,
          sortDirections: ["ascend", "descend"],
          sortOrder: sortColumn === column.key ? (descending ? "descend" : "ascend") : null,
        };
      });
  }, [columns, sorting, choice]);
  const total = query.data?.total;
  const start = pagerStart ?? (total === undefined ? undefined : <ListTotal total={total} capped={query.data?.capped} />);
  return (
    <>
      {showError && query.isError ? <ProblemAlert error={query.error} style={{ marginBottom: 16 }} /> : null}
      {toolbar !== undefined || columnsKey !== undefined ? (
        <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
          <div>{toolbar}</div>
          {columnsKey !== undefined ? <ColumnChooser columns={columns} choice={choice} /> : null}
        </Flex>
      ) : null}
      <Table<Item>
        rowKey={rowKey}
        {...tableProps}
        columns={shown}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={scrollX === undefined ? undefined : { x: scrollX }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (sorting && extra.action === "sort") {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = typeof one?.columnKey === "string" ? one.columnKey : undefined;
            sorting.onChange(key && one?.order ? `${one.order === "descend" ? "-" : ""}${key}` : undefined);
          }
          tableProps.onChange?.(_pagination, _filters, sorter, extra);
        }}
      />
      {start === undefined ? (
        pager
      ) : (
        <Flex justify="space-between" align="center" gap={12} wrap>
          {start}
          {pager}
        </Flex>
      )}
    </>
  );
}

type CursorListProps<Item> = {
  query: CursorListQuery<Item> & { isLoading: boolean };
  paging: CursorPaging;
  emptyText: ReactNode;
  renderItem: (item: Item) => ReactNode;
};

/** A server-paginated list: a spinner on the first load, an empty state, the items and the cursor pager. */
export function CursorList<Item>({ query, paging, emptyText, renderItem }: CursorListProps<Item>) {
  return (
    <>
      {query.isLoading ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : query.data && query.data.items.length === 0 ? (
        <Empty description={emptyText} />
      ) : (
        <List dataSource={query.data?.items ?? []} renderItem={renderItem} />
      )}
      <CursorListPager query={query} paging={paging} />
    </>
  );
}
