import type { Notification } from "@sanshe/contracts";
import { Badge, Button, Card, Flex, List, Segmented, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorList } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useMarkAllRead, useMarkRead, useNotifications } from "../api";

/** The signed-in user's notifications (escalated referrals and the like): open the need, mark read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const paging = useCursorPaging(filter, 20);
  const { pagination, pageSize } = paging;
  const list = useNotifications({ cursor: pagination.cursor, limit: pageSize, unread: filter === "unread" ? "1" : undefined });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread_count ?? 0;

  const renderItem = (item: Notification) => (
    <List.Item
      key={item.id}
      data-testid="notification"
      actions={
        item.read_at
          ? []
          : [
              <Button
                key="read"
                size="small"
                loading={markRead.isPending && markRead.variables === item.id}
                onClick={() => markRead.mutate(item.id)}
              >
                {t("notifications.markRead")}
              </Button>,
            ]
      }
    >
      <List.Item.Meta
        title={
          <Space wrap>
            {!item.read_at && (
              // The dot is for the eye; the word is said (aria-label is not allowed on the dot's span).
              <span>
                <Badge status="error" />
                <span className="sanshe-visually-hidden">{t("notifications.unread")}</span>
              </span>
            )}
            {item.link ? (
              <Link to={item.link} onClick={() => !item.read_at && markRead.mutate(item.id)}>
                {item.title}
              </Link>
            ) : (
              item.title
            )}
          </Space>
        }
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{item.body}</Typography.Paragraph>
            <Typography.Text type="secondary">{formatDateTime(item.created_at)}</Typography.Text>
          </>
        }
      />
    </List.Item>
  );

  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        subtitle={t("notifications.subtitle")}
        extra={
          <Space>
            <Link to="/notifications/preferences">
              <Button data-testid="notification-preferences">{t("notifications.preferencesLink")}</Button>
            </Link>
            <Button
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
              data-testid="notifications-read-all"
            >
              {t("notifications.markAllRead", { count: unread })}
            </Button>
          </Space>
        }
      />
      <ProblemAlert error={list.error ?? markRead.error ?? markAll.error} style={{ marginBottom: 12 }} />
      <Card>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Segmented
            value={filter}
            onChange={(value) => setFilter(value as "all" | "unread")}
            options={[
              { value: "all", label: t("notifications.filter.all") },
              { value: "unread", label: t("notifications.filter.unread", { count: unread }) },
            ]}
          />
        </Flex>
        <CursorList
          query={list}
          paging={paging}
          emptyText={filter === "unread" ? t("notifications.emptyUnread") : t("notifications.empty")}
          renderItem={renderItem}
        />
      </Card>
    </>
  );
}
