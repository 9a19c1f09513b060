import type { Area } from "@sanshe/contracts";
import { Empty, List, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { CursorPager } from "../../../ui/CursorPager";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPagination } from "../../../ui/useCursorPagination";
import { useAreaList } from "../api";
import { AreaPath } from "./AreaPath";
import { AreaTitle } from "./AreaTitle";

type AreaSearchResultsProps = {
  query: string;
  selectedCode?: string | undefined;
  onSelect: (area: Area) => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
};

/** Server-side name search (`?q=`) inside the caller's scope, each match shown with its path. */
export function AreaSearchResults({ query, selectedCode, onSelect, pageSize, onPageSizeChange }: AreaSearchResultsProps) {
  const { t } = useTranslation();
  const pagination = useCursorPagination(JSON.stringify([query, pageSize]));

  const results = useAreaList({ q: query, limit: pageSize, ...(pagination.cursor ? { cursor: pagination.cursor } : {}) });

  if (results.isPending) {
    return <Skeleton active paragraph={{ rows: 4 }} />;
  }
  if (results.isError) {
    return <ProblemAlert error={results.error} />;
  }
  const items = results.data.items;
  return (
    <div aria-live="polite">
      <List<Area>
        size="small"
        dataSource={items}
        loading={results.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("jurisdictions.search.noMatch", { query })} /> }}
        renderItem={(area) => (
          <List.Item
            style={{
              cursor: "pointer",
              paddingInline: 8,
              background: area.code === selectedCode ? "var(--ant-control-item-bg-active, #e6f4ff)" : undefined,
            }}
          >
            <div
              role="button"
              tabIndex={0}
              style={{ width: "100%" }}
              aria-pressed={area.code === selectedCode}
              onClick={() => onSelect(area)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onSelect(area);
                }
              }}
            >
              <AreaTitle area={area} />
              {area.path.length > 0 ? (
                <AreaPath path={area.path} />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("jurisdictions.search.topLevel")}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
      {items.length > 0 || pagination.hasPrevious ? (
        <CursorPager
          pagination={pagination}
          nextCursor={results.data.next_cursor}
          pageSize={pageSize}
          onPageSizeChange={onPageSizeChange}
          itemCount={items.length}
          isLoading={results.isFetching}
        />
      ) : null}
    </div>
  );
}
