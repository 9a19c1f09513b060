import type { ActionItem } from "@sanshe/contracts";
import { List, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ActionItemStatusTag } from "./StatusTags";

/** Action items of a resolution (or the overdue ones of the area), overdue ones in red. */
export function ActionItemList({ items }: { items: ActionItem[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(item) => (
        <List.Item>
          <Space wrap>
            <ActionItemStatusTag item={item} />
            <Link to={`/action-items/${item.id}`}>
              <Typography.Text type={item.overdue ? "danger" : undefined}>{item.expected_result}</Typography.Text>
            </Link>
            <span>
              {t("meetings.item.owner")}: {item.owner_unit_name ?? "—"} · {item.owner_user_name ?? "—"}
            </span>
            <Typography.Text type={item.overdue ? "danger" : "secondary"}>
              {t("meetings.item.dueOn")}: {item.due_on}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
