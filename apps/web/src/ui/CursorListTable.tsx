import { Empty, Flex, List, Spin, Table } from "antd";
import type { TableProps } from "antd";
import type { ReactNode } from "react";
import { CursorPager } from "./CursorPager";
import { ProblemAlert } from "./ProblemAlert";
import type { CursorPaging } from "./useCursorPagination";

/** What a keyset-paginated list query offers: the page on screen, whether it is loading and its error. */
export type CursorListQuery<Item> = {
  data: { items: Item[]; next_cursor: string | null } | undefined;
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

type CursorListTableProps<Item> = Omit<TableProps<Item>, "dataSource" | "loading" | "pagination" | "locale" | "scroll"> & {
  query: CursorListQuery<Item>;
  paging: CursorPaging;
  /** Horizontal scroll width of the table (none when absent). */
  scrollX?: number;
  /** Text of the empty state (usually "no match" when filters are set, otherwise what to do first). */
  emptyText: ReactNode;
  /** Whether the query's error is shown above the table (false when the page shows it elsewhere). */
  showError?: boolean;
  /** Shown left of the pager, on the same line (a total count). */
  pagerStart?: ReactNode;
};

/**
 * A server-paginated table: the query's error, the rows with an empty state, and the cursor pager
 * below. Rows are keyed by `id` unless `rowKey` says otherwise.
 */
export function CursorListTable<Item extends object>({
  query,
  paging,
  scrollX,
  emptyText,
  showError = true,
  pagerStart,
  rowKey = "id",
  ...tableProps
}: CursorListTableProps<Item>) {
  const pager = <CursorListPager query={query} paging={paging} />;
  return (
    <>
      {showError && query.isError ? <ProblemAlert error={query.error} style={{ marginBottom: 16 }} /> : null}
      <Table<Item>
        rowKey={rowKey}
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        pagination={false}
        scroll={scrollX === undefined ? undefined : { x: scrollX }}
        locale={{ emptyText: <Empty description={emptyText} /> }}
      />
      {pagerStart === undefined ? (
        pager
      ) : (
        <Flex justify="space-between" align="center">
          {pagerStart}
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
