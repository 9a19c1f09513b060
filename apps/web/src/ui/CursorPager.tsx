import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CursorPagination } from "./useCursorPagination";

export const PAGE_SIZES = [20, 50, 100, 200] as const;

type CursorPagerProps = {
  pagination: CursorPagination;
  nextCursor: string | null | undefined;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  itemCount: number;
  isLoading?: boolean;
};

/** "Previous / page N / Next" control for keyset-paginated tables (no total count is known). */
export function CursorPager({ pagination, nextCursor, pageSize, onPageSizeChange, itemCount, isLoading }: CursorPagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" align="center" gap={12} wrap style={{ marginTop: 16 }} className="sanshe-pager">
      <Typography.Text type="secondary">{t("ui.pager.summary", { page: pagination.page, count: itemCount })}</Typography.Text>
      <Select
        aria-label={t("ui.pager.pageSize")}
        size="middle"
        value={pageSize}
        onChange={onPageSizeChange}
        options={PAGE_SIZES.map((size) => ({ value: size, label: t("ui.pager.perPage", { size }) }))}
        style={{ width: 120 }}
      />
      <Button icon={<LeftOutlined />} disabled={!pagination.hasPrevious || isLoading} onClick={pagination.goPrevious}>
        {t("ui.pager.previous")}
      </Button>
      <Button
        disabled={!nextCursor || isLoading}
        onClick={() => {
          if (nextCursor) {
            pagination.goNext(nextCursor);
          }
        }}
      >
        {t("ui.pager.next")} <RightOutlined />
      </Button>
    </Flex>
  );
}
